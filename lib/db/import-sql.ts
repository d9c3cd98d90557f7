import "server-only";
// The database side of CSV import: one transaction per import on a plain `pg` connection (like
// lib/db/seed.ts, set-based: INSERT ... SELECT FROM unnest(...) and UPDATE ... FROM unnest(...),
// never one statement per row), the audit entries written in that same transaction, and every
// constraint violation the database raises turned into a row-and-column problem. The plan
// (lib/import/plan-*.ts) catches the common conflicts first; the constraints stay the final guard.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { auditChange, type AuditValues } from "../domain/audit-diff";
import type { ImportIssue } from "../import/types";
import type { AuditActor } from "./audit";
import { describeConstraintViolation } from "./constraint-messages";
import { settleAfterBulkLoad } from "./maintenance";
import { createPool } from "./pool";

// ------------------------------------------------------------------------------------ connection

const globalForImport = globalThis as unknown as { rackmapImportPools?: Map<string, pg.Pool> };

function pool(connectionString: string): pg.Pool {
  globalForImport.rackmapImportPools ??= new Map();
  let p = globalForImport.rackmapImportPools.get(connectionString);
  if (!p) {
    p = createPool({ connectionString, max: 4, idleTimeoutMillis: 30_000 });
    globalForImport.rackmapImportPools.set(connectionString, p);
  }
  return p;
}

export async function closeImportConnections(): Promise<void> {
  const pools = globalForImport.rackmapImportPools;
  if (!pools) return;
  globalForImport.rackmapImportPools = new Map();
  await Promise.all([...pools.values()].map((p) => p.end()));
}

// A connection for reads outside an import's transaction (export).
export async function withImportConnection<T>(connectionString: string | undefined, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const url = connectionString ?? process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const client = await pool(url).connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

const TABLES_OF: Record<string, readonly string[]> = {
  models: ["model"],
  cabinets: ["site", "room", "power_source", "cabinet", "power_feed"],
  devices: ["device", "device_power"],
  nics: ["nic"],
  cables: ["nic", "cable"],
  services: ["service", "service_member"],
};

// Fresh planner statistics and merged search indexes after a large import, so the next queries (the
// next import's checks and the first searches among them) do not plan for the empty tables autovacuum
// last saw, nor scan a long GIN pending list.
export async function refreshStatistics(kind: string, connectionString?: string): Promise<void> {
  const tables = TABLES_OF[kind];
  if (tables) await withImportConnection(connectionString, (client) => settleAfterBulkLoad(client, tables));
}

// The transaction an import runs in. Opaque outside lib/db: lib/import only hands it back to the
// load and apply functions of lib/db/import-*.ts.
export type ImportTx = { readonly client: pg.PoolClient; readonly actor: AuditActor; readonly batchId: string };

// Serialises imports: two imports planned against the same snapshot could each pass their checks.
const IMPORT_LOCK_KEY = 0x72696d70;

export class ImportFailed extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(`the database refused the import (${issues.length} problem${issues.length === 1 ? "" : "s"})`);
  }
}

/**
 * Runs `fn` in one transaction and commits only when `commit` says so after it returns; a dry run
 * goes through every statement and rolls back, so it meets the same constraints a real run does.
 */
export async function withImportTransaction<T>(
  options: { connectionString?: string; actor: AuditActor; batchId: string },
  fn: (tx: ImportTx) => Promise<{ result: T; commit: boolean }>,
): Promise<T> {
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const client = await pool(connectionString).connect();
  let released = false;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [IMPORT_LOCK_KEY]);
    const { result, commit } = await fn({ client, actor: options.actor, batchId: options.batchId });
    if (commit) {
      // deferred checks (a moved device's power) fire now, not at COMMIT where no row is known
      await client.query("SET CONSTRAINTS ALL IMMEDIATE");
      await client.query("COMMIT");
    } else {
      await client.query("ROLLBACK");
    }
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      client.release(true);
      released = true;
    });
    throw error;
  } finally {
    if (!released) client.release();
  }
}

// For a dry run: fire the deferred checks too, then the caller rolls back.
export async function checkDeferredConstraints(tx: ImportTx): Promise<void> {
  await guarded(tx, () => tx.client.query("SET CONSTRAINTS ALL IMMEDIATE"), { row: null, column: null });
}

// ------------------------------------------------------------------------------------ statements

// Rows per statement: large enough that per-statement overhead vanishes, small enough that one
// statement's parameters stay a few MB.
const BATCH_ROWS = 20_000;

export type ArrayType = "text" | "int" | "bool" | "bigint";
// column -> [array element type, value of a row, cast applied after unnest (enums, inet, jsonb)]
export type Columns<R> = Record<string, readonly [type: ArrayType, value: (row: R) => unknown, cast?: string]>;

// Where a failing row of a statement is reported: its spreadsheet row, and the column each
// violated constraint is about.
export type Locate<R> = { rowOf: (row: R) => number | null; columnOf: (constraint: string | undefined) => string | null };

type PgError = Error & { code?: string; constraint?: string };

function isConstraintError(error: unknown): error is PgError {
  const code = (error as PgError)?.code;
  return typeof code === "string" && (code.startsWith("23") || code === "22P02" || code === "22001");
}

function issueFrom(error: PgError, row: number | null, column: string | null): ImportIssue {
  const sentence =
    error.code === "22P02" || error.code === "22001"
      ? "The database cannot store this value."
      : describeConstraintViolation({ code: error.code!, constraint: error.constraint, message: error.message });
  return { row, column, message: sentence };
}

async function guarded<T>(tx: ImportTx, fn: () => Promise<T>, at: { row: number | null; column: string | null }): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!isConstraintError(error)) throw error;
    throw new ImportFailed([issueFrom(error, at.row, at.column ?? null)]);
  }
}

/**
 * One set-based statement over `rows`, in batches. `build` gives the SQL for a batch and its
 * parameters (one array per column). When the database refuses a batch, the batch is rolled back
 * to a savepoint and its rows are tried one at a time, so every refused row is reported with its
 * spreadsheet row (an import that gets here has already failed; this only names the rows).
 */
export async function runBatched<R>(
  tx: ImportTx,
  rows: readonly R[],
  build: (batch: readonly R[]) => { text: string; values: unknown[] },
  locate: Locate<R>,
): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    await tx.client.query("SAVEPOINT import_batch");
    try {
      const result = await tx.client.query<unknown[]>({ ...build(batch), rowMode: "array" });
      for (const r of result.rows) out.push(r);
      await tx.client.query("RELEASE SAVEPOINT import_batch");
    } catch (error) {
      if (!isConstraintError(error)) throw error;
      await tx.client.query("ROLLBACK TO SAVEPOINT import_batch");
      throw new ImportFailed(await locateFailures(tx, batch, build, locate, error));
    }
  }
  return out;
}

const MAX_LOCATED = 200;

async function locateFailures<R>(
  tx: ImportTx,
  batch: readonly R[],
  build: (batch: readonly R[]) => { text: string; values: unknown[] },
  locate: Locate<R>,
  first: PgError,
): Promise<ImportIssue[]> {
  const issues: ImportIssue[] = [];
  for (const row of batch) {
    await tx.client.query("SAVEPOINT import_row");
    try {
      await tx.client.query(build([row]));
      await tx.client.query("RELEASE SAVEPOINT import_row");
    } catch (error) {
      if (!isConstraintError(error)) throw error;
      await tx.client.query("ROLLBACK TO SAVEPOINT import_row");
      issues.push(issueFrom(error, locate.rowOf(row), locate.columnOf(error.constraint)));
      if (issues.length >= MAX_LOCATED) break;
    }
  }
  // refused only in combination (two rows of the batch against each other): name the constraint
  if (issues.length === 0) issues.push(issueFrom(first, null, locate.columnOf(first.constraint)));
  return issues;
}

// INSERT INTO table (cols) SELECT cols FROM unnest($1::type[], ...) [conflict] [RETURNING ...]
export function insertStatement<R>(table: string, columns: Columns<R>, options: { returning?: string; conflict?: string } = {}) {
  const names = Object.keys(columns);
  const specs = Object.values(columns);
  const text = [
    `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")})`,
    `SELECT ${names.map((n, i) => (specs[i]![2] ? `u."${n}"::${specs[i]![2]}` : `u."${n}"`)).join(", ")}`,
    `FROM unnest(${specs.map(([type], i) => `$${i + 1}::${type}[]`).join(", ")}) AS u(${names.map((n) => `"${n}"`).join(", ")})`,
    options.conflict ?? "",
    options.returning ? `RETURNING ${options.returning}` : "",
  ].join("\n");
  return (batch: readonly R[]) => ({ text, values: specs.map(([, value]) => batch.map(value)) });
}

// UPDATE table t SET col = u.col, ..., version = version + 1, updated_at = now() FROM unnest(...) u
// WHERE t.id = u.id. `id` must be one of the columns.
export function updateStatement<R>(table: string, columns: Columns<R>, options: { bump?: boolean; set?: string } = {}) {
  const names = Object.keys(columns);
  const specs = Object.values(columns);
  const value = (n: string, i: number) => (specs[i]![2] ? `u."${n}"::${specs[i]![2]}` : `u."${n}"`);
  const sets = names.flatMap((n, i) => (n === "id" ? [] : [`"${n}" = ${value(n, i)}`]));
  if (options.bump !== false) sets.push(`"version" = t."version" + 1`, `"updated_at" = CURRENT_TIMESTAMP`);
  if (options.set) sets.push(options.set);
  const text = [
    `UPDATE "${table}" AS t SET ${sets.join(", ")}`,
    `FROM unnest(${specs.map(([type], i) => `$${i + 1}::${type}[]`).join(", ")}) AS u(${names.map((n) => `"${n}"`).join(", ")})`,
    `WHERE t."id" = u."id"`,
  ].join("\n");
  return (batch: readonly R[]) => ({ text, values: specs.map(([, v]) => batch.map(v)) });
}

export async function query<T extends pg.QueryResultRow>(tx: ImportTx, text: string, values: unknown[] = []): Promise<T[]> {
  return (await tx.client.query<T>(text, values)).rows;
}

// ------------------------------------------------------------------------------------ audit

export type AuditWrite = {
  action: "create" | "update";
  objectType: string;
  objectId: string | number;
  objectLabel: string;
  before: AuditValues | null;
  after: AuditValues | null;
};

// One audit row per created or updated object, all under the import's batch id; an update that
// changes nothing writes nothing (the same rule as recordAudit), and a create records the values
// it was given. The rows go in by COPY: an import writes as many audit rows as objects, and
// COPY takes them in about half the time of an INSERT from a JSON document or arrays.
export async function writeAudit(tx: ImportTx, entries: readonly AuditWrite[]): Promise<number> {
  const actor = [tx.actor.type, tx.actor.id === null ? null : String(tx.actor.id), tx.actor.label];
  const lines: string[] = [];
  for (const e of entries) {
    const change = auditChange(e.before, e.after);
    if (!change) continue;
    const after = e.action === "create" && change.after ? given(change.after) : change.after;
    const cells = [
      ...actor,
      e.action,
      e.objectType,
      String(e.objectId),
      e.objectLabel,
      change.before === null ? null : JSON.stringify(change.before),
      after === null ? null : JSON.stringify(after),
      tx.batchId,
    ];
    lines.push(cells.map(copyText).join("\t"));
  }
  if (lines.length === 0) return 0;
  const stream = tx.client.query(
    copyFrom("COPY audit_log (actor_type, actor_id, actor_label, action, object_type, object_id, object_label, before, after, batch_id) FROM STDIN"),
  );
  await pipeline(Readable.from(chunks(lines)), stream);
  return lines.length;
}

function* chunks(lines: string[]): Generator<string> {
  for (let start = 0; start < lines.length; start += BATCH_ROWS) yield lines.slice(start, start + BATCH_ROWS).join("\n") + "\n";
}

// a value in COPY's text format: \N is NULL; backslash, tab and line breaks are escaped
function copyText(value: string | null): string {
  if (value === null) return "\\N";
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

// the values a create was given: empty cells are not values
function given(values: AuditValues): AuditValues {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== "" && v !== null));
}
