import "server-only";
// What every edit form shares: one transaction on a plain `pg` connection (Prisma's driver adapter
// drops the constraint name of exclusion and check violations, and the app maps violations by
// name), the optimistic version check that refuses a stale save, the audit row written in the
// same transaction, and refusals returned as values with a sentence a person can act on.
import type pg from "pg";
import { auditChange, type AuditValues } from "../domain/audit-diff";
import type { AuditActor } from "./audit";
import { describeConstraintViolation } from "./constraint-messages";
import { withImportConnection } from "./import-sql";

export type EditTx = { readonly client: pg.PoolClient; readonly actor: AuditActor };

export type EditRefusal =
  | { ok: false; reason: "not_found"; message: string }
  | { ok: false; reason: "stale"; message: string; changedBy: string | null; changedAt: Date | null }
  // `field`: the form field the problem is about, when one is; `names`: the objects in the way
  // (hostnames for devices), for a page to list
  | { ok: false; reason: "refused"; message: string; field: string | null; names?: string[] };

export type EditOutcome<T> = { ok: true; value: T } | EditRefusal;

// Thrown inside an edit to end it with a refusal; runEdit rolls back and returns it as a value.
export class EditRefused extends Error {
  constructor(readonly refusal: EditRefusal) {
    super(refusal.message);
  }
}

export function refuse(message: string, field: string | null = null, names?: string[]): never {
  throw new EditRefused({ ok: false, reason: "refused", message, field, ...(names ? { names } : {}) });
}

type PgError = Error & { code?: string; constraint?: string };

function isConstraintError(error: unknown): error is PgError {
  const code = (error as PgError)?.code;
  return typeof code === "string" && (code.startsWith("23") || code === "22P02" || code === "22001");
}

/**
 * Runs one edit in one transaction. Deferred checks (a moved device's power) fire before COMMIT so
 * they are reported like any other violation; a violation the edit's own checks did not catch first
 * becomes a refusal with the constraint's sentence, on the field `fieldOf` names.
 */
export async function runEdit<T>(
  actor: AuditActor,
  fn: (tx: EditTx) => Promise<T>,
  fieldOf: (constraint: string | undefined) => string | null = () => null,
): Promise<EditOutcome<T>> {
  return withImportConnection(undefined, async (client) => {
    await client.query("BEGIN");
    try {
      const value = await fn({ client, actor });
      await client.query("SET CONSTRAINTS ALL IMMEDIATE");
      await client.query("COMMIT");
      return { ok: true as const, value };
    } catch (error) {
      await client.query("ROLLBACK");
      if (error instanceof EditRefused) return error.refusal;
      if (!isConstraintError(error)) throw error;
      const message =
        error.code === "22P02" || error.code === "22001"
          ? "The database cannot store this value."
          : describeConstraintViolation({ code: error.code!, constraint: error.constraint, message: error.message });
      return { ok: false as const, reason: "refused" as const, message, field: fieldOf(error.constraint) };
    }
  });
}

export async function rows<T extends pg.QueryResultRow>(tx: EditTx, text: string, values: unknown[] = []): Promise<T[]> {
  return (await tx.client.query<T>(text, values)).rows;
}

function formatAt(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

// "changed by ada@example.com at 2026-11-28 00:15 UTC since you opened it", from the object's
// latest audit entry (the change that moved its version on).
export async function staleRefusal(tx: EditTx, objectType: string, objectId: number | string): Promise<EditRefusal> {
  const [last] = await rows<{ actor_label: string; at: Date }>(
    tx,
    "SELECT actor_label, at FROM audit_log WHERE object_type = $1 AND object_id = $2 ORDER BY id DESC LIMIT 1",
    [objectType, String(objectId)],
  );
  const who = last ? `by ${last.actor_label || "someone"} at ${formatAt(last.at)}` : "by someone else";
  return {
    ok: false,
    reason: "stale",
    message: `It was changed ${who} since you opened it. Nothing was saved: the current values are shown below.`,
    changedBy: last?.actor_label ?? null,
    changedAt: last?.at ?? null,
  };
}

/**
 * Locks one row for the edit and checks the version the form was loaded with: a row that is gone
 * is `not_found`, one whose version moved on is a stale save, refused with who changed it and when.
 * Returns the locked row (the "before" of the audit entry).
 */
export async function lockVersioned<T extends pg.QueryResultRow & { version: number }>(
  tx: EditTx,
  options: { table: string; objectType: string; id: number; version: number; select: string; what: string },
): Promise<T> {
  const [row] = await rows<T>(tx, `SELECT ${options.select} FROM "${options.table}" t WHERE t.id = $1 FOR UPDATE OF t`, [options.id]);
  if (!row) throw new EditRefused({ ok: false, reason: "not_found", message: `That ${options.what} no longer exists: someone deleted it.` });
  if (row.version !== options.version) throw new EditRefused(await staleRefusal(tx, options.objectType, options.id));
  return row;
}

// SET cols = $n, version = version + 1 on a row locked by lockVersioned; the version condition is
// kept so the statement itself can never overwrite a newer row.
export async function updateVersioned(
  tx: EditTx,
  options: { table: string; id: number; version: number; set: Record<string, unknown>; casts?: Record<string, string> },
): Promise<void> {
  const names = Object.keys(options.set);
  const sets = names.map((n, i) => `"${n}" = $${i + 3}${options.casts?.[n] ? `::${options.casts[n]}` : ""}`);
  sets.push(`"version" = "version" + 1`, `"updated_at" = CURRENT_TIMESTAMP`);
  const result = await tx.client.query(`UPDATE "${options.table}" SET ${sets.join(", ")} WHERE id = $1 AND version = $2`, [
    options.id,
    options.version,
    ...names.map((n) => options.set[n]),
  ]);
  if (result.rowCount !== 1) throw new Error(`${options.table} ${options.id} changed under its row lock`);
}

export type EditAudit = {
  action: "create" | "update" | "delete";
  objectType: string;
  objectId: number | string;
  objectLabel: string;
  before: AuditValues | null;
  after: AuditValues | null;
};

// The same rule as recordAudit (lib/db/audit.ts), on the edit's own connection: an update that
// changed nothing writes nothing.
export async function writeEditAudit(tx: EditTx, entry: EditAudit): Promise<boolean> {
  const change = auditChange(entry.before, entry.after);
  if (!change) return false;
  await tx.client.query(
    `INSERT INTO audit_log (actor_type, actor_id, actor_label, action, object_type, object_id, object_label, before, after)
     VALUES ($1::actor_type, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb)`,
    [
      tx.actor.type,
      tx.actor.id,
      tx.actor.label,
      entry.action,
      entry.objectType,
      String(entry.objectId),
      entry.objectLabel,
      change.before === null ? null : JSON.stringify(change.before),
      change.after === null ? null : JSON.stringify(change.after),
    ],
  );
  return true;
}
