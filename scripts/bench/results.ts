// bench/results.json (DESIGN.md "Running it" names its fields) and the table's rows, each figure beside the
// target of issue 9.
import type { FailureResults } from "./failure";
import type { LoadResults } from "./load";
import type { LocateResults } from "./locate";
import { atLeast, atMost, formatNumber, type Row } from "./report";
import type { ResilienceResults } from "./resilience";
import { round } from "./stats";
import type { WeightResults } from "./weight";

export type PageName = "device" | "cabinet" | "devices" | "share";
// serialP50Ms: one request at a time, before the load (what one request costs without queueing)
export type PageResults = LoadResults & { serialP50Ms: number };

export type ImportResults = {
  devices: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  // null until measureImportSpeed reports its COPY baseline
  copyRowsPerSecond: number | null;
  copySeconds: number | null;
  // rowsPerSecond as a percentage of COPY's
  percentOfCopy: number | null;
};

export type BenchResults = {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; os: string; node: string; loadAverage: { atStart: number; atEnd: number } };
  profile: string;
  devices: number;
  generateSeconds: number;
  locate: { p50Ms: number; p95Ms: number; bareSqlP50Ms: number; bareSqlP95Ms: number; ratio: number; queries: number; found: number; errors: number; kinds: LocateResults["kinds"] };
  impact: { maxMs: number; firstRequestMs: number; domains: FailureResults["impact"] };
  spof: { ms: number; services: number };
  import: ImportResults;
  pages: Record<PageName, PageResults>;
  sharePage: WeightResults;
  resilience: ResilienceResults;
};

export const TARGETS = {
  locateP95Ms: 20,
  locateRatio: 3,
  impactMs: 300,
  spofMs: 1000,
  importSeconds: 3,
  // the import's size the 3 s target is about
  importDevices: 10_000,
  importPercentOfCopy: 25,
  cabinetP95Ms: 100,
  reqPerSec: 50,
  shareBytes: 60_000,
  errorPercent: 1,
  recoverySeconds: 5,
} as const;

export function resultRows(r: BenchResults): Row[] {
  const ms = (value: number | null | undefined) => formatNumber(value, "ms");
  const rows: Row[] = [
    { metric: `locate API p50 / p95 (${r.locate.queries} queries, ${r.locate.found} found)`, value: `${ms(r.locate.p50Ms)} / ${ms(r.locate.p95Ms)}`, target: `p95 ≤ ${TARGETS.locateP95Ms} ms`, verdict: atMost(r.locate.p95Ms, TARGETS.locateP95Ms) },
    { metric: "locate bare SQL p50 / p95", value: `${ms(r.locate.bareSqlP50Ms)} / ${ms(r.locate.bareSqlP95Ms)}`, target: "", verdict: "" },
    { metric: "locate API p95 ÷ bare SQL p95", value: `${formatNumber(r.locate.ratio, "", 2)}×`, target: `≤ ${TARGETS.locateRatio}×`, verdict: atMost(r.locate.ratio, TARGETS.locateRatio) },
    ...Object.entries(r.locate.kinds).map(([kind, k]): Row => ({
      metric: `  ${kind} (${k.queries}): p95 API / bare SQL`,
      value: `${ms(k.p95Ms)} / ${ms(k.bareSqlP95Ms)}`,
      target: "",
      verdict: "",
    })),
    ...Object.entries(r.impact.domains).map(([name, d]): Row => ({
      metric: `impact: ${name} (${d.down} down) p50 / max`,
      value: `${ms(d.p50Ms)} / ${ms(d.maxMs)}`,
      target: `≤ ${TARGETS.impactMs} ms`,
      verdict: atMost(d.maxMs, TARGETS.impactMs),
    })),
    { metric: "first request (reads the failure index)", value: ms(r.impact.firstRequestMs), target: "", verdict: "" },
    { metric: `SPOFs of all ${r.spof.services} services`, value: ms(r.spof.ms), target: `≤ ${TARGETS.spofMs} ms`, verdict: atMost(r.spof.ms, TARGETS.spofMs) },
  ];
  const imp = r.import;
  const fullSize = imp.devices >= TARGETS.importDevices;
  rows.push(
    {
      metric: `import ${formatNumber(imp.rows, "rows", 0)} (${formatNumber(imp.devices, "", 0)} devices + Nics + cables)`,
      value: formatNumber(imp.seconds, "s", 2),
      target: `≤ ${TARGETS.importSeconds} s for 10k devices`,
      verdict: fullSize ? atMost(imp.seconds, TARGETS.importSeconds) : "n/a",
    },
    { metric: "import rows/s", value: formatNumber(imp.rowsPerSecond, "rows/s", 0), target: "", verdict: "" },
    { metric: "COPY rows/s (same rows, scratch table)", value: formatNumber(imp.copyRowsPerSecond, "rows/s", 0), target: "", verdict: "" },
    {
      metric: "import ÷ COPY",
      value: imp.percentOfCopy === null ? "missing" : `${formatNumber(imp.percentOfCopy)} %`,
      target: `≥ ${TARGETS.importPercentOfCopy} %`,
      verdict: atLeast(imp.percentOfCopy, TARGETS.importPercentOfCopy),
    },
  );
  for (const [name, page] of Object.entries(r.pages) as [PageName, PageResults][]) {
    const failures = page.errors + page.non2xx;
    rows.push(
      { metric: `page ${name}: errors + non-2xx of ${page.requests}`, value: String(failures), target: "0", verdict: failures === 0 ? "met" : "not met" },
      { metric: `page ${name}: one request alone (p50)`, value: ms(page.serialP50Ms), target: "", verdict: "" },
      {
        metric: `page ${name}: p95 at ${page.connections} connections`,
        value: ms(page.p95Ms),
        target: name === "cabinet" ? `≤ ${TARGETS.cabinetP95Ms} ms` : "",
        verdict: name === "cabinet" ? atMost(page.p95Ms, TARGETS.cabinetP95Ms) : "",
      },
      { metric: `page ${name}: req/s`, value: formatNumber(page.reqPerSec, "req/s"), target: `≥ ${TARGETS.reqPerSec} req/s`, verdict: atLeast(page.reqPerSec, TARGETS.reqPerSec) },
    );
  }
  const w = r.sharePage;
  rows.push(
    { metric: `share page, 10 items: bytes transferred (${w.encoding})`, value: formatNumber(w.bytes, "B", 0), target: `≤ ${TARGETS.shareBytes / 1000} KB`, verdict: atMost(w.bytes, TARGETS.shareBytes) },
    { metric: "  of which HTML / CSS / fonts", value: `${formatNumber(w.htmlBytes, "", 0)} / ${formatNumber(w.cssBytes, "", 0)} / ${formatNumber(w.fontBytes, "", 0)} B`, target: "", verdict: "" },
    { metric: `  of which JS (${w.jsFiles} files; uncompressed)`, value: `${formatNumber(w.jsBytes, "B", 0)} (${formatNumber(w.jsBytesUncompressed, "B", 0)})`, target: "", verdict: "" },
  );
  const res = r.resilience;
  if (!res.measured) {
    rows.push({ metric: "Postgres restart under load", value: "not measured", target: res.reason, verdict: "n/a" });
  } else {
    rows.push(
      { metric: `Postgres restart (${formatNumber(res.restartSeconds, "s")}): failed requests`, value: `${res.failed} of ${res.requests} (${formatNumber(res.errorPercent, "%", 2)}; ${Object.entries(res.failures).map(([status, n]) => `${n}× ${status === "0" ? "no answer" : status}`).join(", ") || "none"})`, target: `≤ ${TARGETS.errorPercent} %`, verdict: atMost(res.errorPercent, TARGETS.errorPercent) },
      { metric: "  until requests succeed again", value: res.recoverySeconds === null ? "never" : formatNumber(res.recoverySeconds, "s", 2), target: `≤ ${TARGETS.recoverySeconds} s`, verdict: res.recoverySeconds === null ? "not met" : atMost(res.recoverySeconds, TARGETS.recoverySeconds) },
    );
  }
  return rows;
}

export function percentOfCopy(rowsPerSecond: number, copyRowsPerSecond: number | null): number | null {
  return copyRowsPerSecond ? round((rowsPerSecond / copyRowsPerSecond) * 100, 1) : null;
}
