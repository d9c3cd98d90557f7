import { describe, expect, it } from "vitest";
import { atLeast, atMost, formatNumber, formatTable } from "./report";

describe("verdicts", () => {
  it("compares against the target, and has no verdict without a figure", () => {
    expect(atMost(20, 20)).toBe("met");
    expect(atMost(20.1, 20)).toBe("not met");
    expect(atLeast(49.9, 50)).toBe("not met");
    expect(atLeast(50, 50)).toBe("met");
    expect(atMost(null, 1)).toBe("n/a");
    expect(atLeast(undefined, 1)).toBe("n/a");
    expect(atMost(Number.NaN, 1)).toBe("n/a");
  });
});

describe("formatNumber", () => {
  it("groups thousands, rounds, and says when a figure is missing", () => {
    expect(formatNumber(12345.678, "rows/s", 0)).toBe("12,346 rows/s");
    expect(formatNumber(3.14159, "ms")).toBe("3.1 ms");
    expect(formatNumber(undefined, "rows/s")).toBe("missing");
  });
});

describe("formatTable", () => {
  it("pads every column to its widest cell", () => {
    const table = formatTable([
      { metric: "locate p95", value: "4.2 ms", target: "≤ 20 ms", verdict: "met" },
      { metric: "share page", value: "71,000 B", target: "≤ 60 KB", verdict: "not met" },
    ]);
    const lines = table.split("\n");
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[2]).toBe("| locate p95 | 4.2 ms   | ≤ 20 ms | met     |");
  });
});
