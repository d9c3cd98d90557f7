// What an audit entry records for a change: for an update only the fields that changed (before and
// after), for a create the new values, for a delete the old ones. An update that changes nothing
// records nothing.

export type AuditValues = Record<string, unknown>;
export type AuditChange = { before: AuditValues | null; after: AuditValues | null };

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (value === undefined) return null;
  return value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

function clean(values: AuditValues, ignore: ReadonlySet<string>): AuditValues {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !ignore.has(k)).map(([k, v]) => [k, normalise(v)]));
}

// Bookkeeping columns say nothing a reader of the audit log needs.
const IGNORED = new Set(["updatedAt", "updated_at", "version", "createdAt", "created_at"]);

export function auditChange(before: AuditValues | null, after: AuditValues | null): AuditChange | null {
  if (!before && !after) return null;
  if (!before) return { before: null, after: clean(after!, IGNORED) };
  if (!after) return { before: clean(before, IGNORED), after: null };
  const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((k) => !IGNORED.has(k)));
  const changedBefore: AuditValues = {};
  const changedAfter: AuditValues = {};
  for (const key of keys) {
    if (!same(before[key], after[key])) {
      changedBefore[key] = normalise(before[key]);
      changedAfter[key] = normalise(after[key]);
    }
  }
  return Object.keys(changedAfter).length ? { before: changedBefore, after: changedAfter } : null;
}
