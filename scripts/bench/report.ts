// The bench's verdicts and its table: each figure next to the target, met or not. Pure.

export type Verdict = "met" | "not met" | "n/a";
export type Row = { metric: string; value: string; target: string; verdict: Verdict | "" };

export function atMost(value: number | null | undefined, limit: number): Verdict {
  if (value === null || value === undefined || Number.isNaN(value)) return "n/a";
  return value <= limit ? "met" : "not met";
}

export function atLeast(value: number | null | undefined, floor: number): Verdict {
  if (value === null || value === undefined || Number.isNaN(value)) return "n/a";
  return value >= floor ? "met" : "not met";
}

export function formatNumber(value: number | null | undefined, unit = "", digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "missing";
  const text = value.toLocaleString("en-US", { maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

/** A plain-text table (also valid Markdown), columns padded to their widest cell. */
export function formatTable(rows: readonly Row[]): string {
  const header = ["metric", "value", "target", "verdict"];
  const cells = [header, ...rows.map((r) => [r.metric, r.value, r.target, r.verdict])];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map((r) => line([r.metric, r.value, r.target, r.verdict]))].join("\n");
}
