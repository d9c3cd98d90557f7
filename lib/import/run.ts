import "server-only";
// CSV import, end to end: read the file -> check the header -> validate each row (zod) -> load what
// the rows refer to -> plan create / update / unchanged per row -> apply in one transaction with
// the audit log. Any problem anywhere and nothing is written; every problem is in the report as
// {row, column, message}. A dry run applies too, then rolls back, so it meets every constraint a
// real run would.
import { randomUUID } from "node:crypto";
import type { AuditActor } from "../db/audit";
import { applyCablesPlan, loadCablesSnapshot } from "../db/import-cables";
import { applyCabinetsPlan, loadCabinetsSnapshot } from "../db/import-cabinets";
import { applyDevicesPlan, loadDevicesSnapshot } from "../db/import-devices";
import { applyModelsPlan, loadModelsSnapshot } from "../db/import-models";
import { applyNicsPlan, loadNicsSnapshot } from "../db/import-nics";
import { applyServicesPlan, loadServicesSnapshot } from "../db/import-services";
import { checkDeferredConstraints, ImportFailed, refreshStatistics, withImportTransaction, type ImportTx } from "../db/import-sql";
import { readCsvBytes, type CsvFile } from "./csv-read";
import { KIND_FORMATS, type ImportKind } from "./kinds";
import type { PlanBase } from "./plan-common";
import { planCables } from "./plan-cables";
import { planCabinets } from "./plan-cabinets";
import { planDevices } from "./plan-devices";
import { planModels } from "./plan-models";
import { planNics } from "./plan-nics";
import { planServices } from "./plan-services";
import type { ImportIssue, ImportReport, PreviewRow } from "./types";
import { checkHeader, sortIssues, validateRows, type Validated } from "./validate";

export type ImportOptions = {
  kind: ImportKind;
  // the file as uploaded: bytes, so that a file in another encoding is reported, not misread
  content: Uint8Array | string;
  dryRun: boolean;
  actor: AuditActor;
  // default DATABASE_URL
  connectionString?: string;
  maxBytes?: number;
  // include the file's first rows (and every row with a problem) for the browser's preview
  preview?: boolean;
  progress?: (line: string) => void;
};

// load -> plan, per kind; the plan comes back with the writes that carry it out
type Planned = { plan: PlanBase; apply: () => Promise<void> };
type Step<K extends ImportKind> = (tx: ImportTx, validated: Validated<K>) => Promise<Planned>;

const STEPS: { [K in ImportKind]: Step<K> } = {
  models: async (tx, v) => planned(planModels(v.rows, await loadModelsSnapshot(tx, v.rows)), (p) => applyModelsPlan(tx, p)),
  cabinets: async (tx, v) => planned(planCabinets(v.rows, await loadCabinetsSnapshot(tx, v.rows)), (p) => applyCabinetsPlan(tx, p)),
  devices: async (tx, v) => planned(planDevices(v.rows, await loadDevicesSnapshot(tx, v.rows), v.failed), (p) => applyDevicesPlan(tx, p)),
  nics: async (tx, v) => planned(planNics(v.rows, await loadNicsSnapshot(tx, v.rows), v.failed), (p) => applyNicsPlan(tx, p)),
  cables: async (tx, v) => planned(planCables(v.rows, await loadCablesSnapshot(tx, v.rows)), (p) => applyCablesPlan(tx, p)),
  services: async (tx, v) => planned(planServices(v.rows, await loadServicesSnapshot(tx, v.rows)), (p) => applyServicesPlan(tx, p)),
};

function planned<P extends PlanBase>(plan: P, apply: (plan: P) => Promise<void>): Planned {
  return { plan, apply: () => apply(plan) };
}

const PREVIEW_ROWS = 500;
const ANALYZE_AFTER_ROWS = 1000;
const PREVIEW_ERROR_ROWS = 2000;

export async function importCsv(options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const log = options.progress ?? (() => {});
  const progress = (line: string) => log(`${((performance.now() - started) / 1000).toFixed(2)}s ${line}`);
  const format = KIND_FORMATS[options.kind];
  const report: ImportReport = {
    ok: false,
    kind: options.kind,
    dryRun: options.dryRun,
    created: 0,
    updated: 0,
    unchanged: 0,
    alsoCreated: [],
    errors: [],
    rows: 0,
    batchId: null,
    seconds: 0,
  };
  const finish = (issues: ImportIssue[], file: CsvFile | null, plan: PlanBase | null, columns: (string | null)[] = []): ImportReport => {
    report.errors = sortIssues(issues, format.columns);
    report.ok = report.errors.length === 0;
    if (plan) {
      const counts = tally(plan);
      report.created = counts.create;
      report.updated = counts.update;
      report.unchanged = counts.unchanged;
      report.alsoCreated = plan.alsoCreated;
    }
    if (!report.ok || options.dryRun) report.batchId = null;
    if (options.preview && file) report.preview = previewOf(file, columns, plan, report.errors);
    report.seconds = Number(((performance.now() - started) / 1000).toFixed(3));
    return report;
  };

  const content = typeof options.content === "string" ? new TextEncoder().encode(options.content) : options.content;
  const { file, issues: readIssues } = readCsvBytes(content, { maxBytes: options.maxBytes });
  if (!file) return finish(readIssues, null, null);
  report.rows = file.records.length;
  progress(`read ${file.records.length} row${file.records.length === 1 ? "" : "s"}`);

  const header = checkHeader(options.kind, file.header, file.records);
  if (header.missingKey) return finish(header.issues, file, null, header.columns);
  const validated = validateRows(options.kind, file, header.columns);
  progress(`checked ${validated.dataRows} row${validated.dataRows === 1 ? "" : "s"}: ${validated.issues.length} problem(s) in the cells`);

  const batchId = randomUUID();
  const step = STEPS[options.kind] as Step<ImportKind>;
  const outcome = await withImportTransaction({ connectionString: options.connectionString, actor: options.actor, batchId }, async (tx) => {
    let plan: PlanBase | null = null;
    const issues = [...header.issues, ...validated.issues];
    try {
      const next = await step(tx, validated);
      plan = next.plan;
      issues.push(...plan.issues);
      const counts = tally(plan);
      progress(`planned: ${counts.create} to create, ${counts.update} to update, ${counts.unchanged} unchanged, ${issues.length} problem(s)`);
      // with problems in the file already, the plan still ran (to report every problem); nothing is written
      if (issues.length === 0 && hasWrites(plan)) {
        progress(options.dryRun ? "applying (dry run)" : "applying");
        await next.apply();
        await checkDeferredConstraints(tx);
      }
    } catch (error) {
      if (!(error instanceof ImportFailed)) throw error;
      issues.push(...error.issues);
    }
    const commit = issues.length === 0 && !options.dryRun;
    progress(commit ? "committing" : options.dryRun ? "dry run: rolling back" : "problems found: rolling back");
    return { result: { plan, issues }, commit };
  });
  if (outcome.issues.length === 0 && !options.dryRun) {
    report.batchId = batchId;
    const written = outcome.plan ? [...outcome.plan.outcomes.values()].filter((o) => o !== "unchanged").length : 0;
    if (written >= ANALYZE_AFTER_ROWS) {
      progress("refreshing planner statistics");
      await refreshStatistics(options.kind, options.connectionString);
    }
  }
  return finish(outcome.issues, file, outcome.plan, header.columns);
}

function tally(plan: PlanBase): Record<"create" | "update" | "unchanged", number> {
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const outcome of plan.outcomes.values()) counts[outcome]++;
  return counts;
}

function hasWrites(plan: PlanBase): boolean {
  return plan.alsoCreated.length > 0 || [...plan.outcomes.values()].some((o) => o !== "unchanged");
}

function previewOf(file: CsvFile, columns: (string | null)[], plan: PlanBase | null, errors: ImportIssue[]): NonNullable<ImportReport["preview"]> {
  const errorRows = new Set(errors.map((e) => e.row).filter((r): r is number => r !== null && r > 1));
  const rows: PreviewRow[] = [];
  let errorRowsShown = 0;
  for (const [index, record] of file.records.entries()) {
    const hasError = errorRows.has(record.row);
    if (index >= PREVIEW_ROWS && !(hasError && errorRowsShown < PREVIEW_ERROR_ROWS)) continue;
    if (hasError) errorRowsShown++;
    rows.push({ row: record.row, cells: file.header.map((_, i) => record.cells[i] ?? ""), outcome: plan?.outcomes.get(record.row) ?? null });
  }
  return {
    columns: file.header.map((h, i) => columns[i] ?? h),
    rows,
    truncated: rows.length < file.records.length,
  };
}
