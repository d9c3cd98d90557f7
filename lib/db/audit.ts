import "server-only";
import type { Prisma } from "./generated/client";
import { auditChange, type AuditValues } from "../domain/audit-diff";
import type { Viewer } from "../auth/permissions";
import { actorLabel } from "../auth/permissions";
import { db } from "./client";

export type AuditActor = {
  type: "user" | "api_token" | "share_link" | "cli" | "system";
  id: string | null;
  label: string;
};

export function actorFromViewer(viewer: Viewer): AuditActor {
  if (viewer.kind === "anonymous") return { type: "system", id: null, label: "anonymous" };
  return { type: viewer.kind, id: viewer.id, label: actorLabel(viewer) };
}

export type AuditEntry = {
  actor: AuditActor;
  action: "create" | "update" | "delete" | string;
  objectType: string;
  objectId: string | number;
  objectLabel: string;
  before: AuditValues | null;
  after: AuditValues | null;
  batchId?: string | null;
};

// Written with the transaction client of the change itself, so the change and its audit entry
// commit or roll back together. Returns false (and writes nothing) for an update that changed nothing.
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<boolean> {
  const change = auditChange(entry.before, entry.after);
  if (!change) return false;
  await tx.auditLog.create({
    data: {
      actorType: entry.actor.type,
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      objectType: entry.objectType,
      objectId: String(entry.objectId),
      objectLabel: entry.objectLabel,
      before: (change.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (change.after ?? undefined) as Prisma.InputJsonValue | undefined,
      batchId: entry.batchId ?? null,
    },
  });
  return true;
}

export type AuditFilter = {
  objectType?: string;
  objectId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  batchId?: string;
  // keyset pagination: entries older than this id
  before?: bigint;
  limit?: number;
};

export type AuditRow = {
  id: bigint;
  at: Date;
  actorType: string;
  actorLabel: string;
  action: string;
  objectType: string;
  objectId: string;
  objectLabel: string;
  before: unknown;
  after: unknown;
  batchId: string | null;
};

export async function listAudit(filter: AuditFilter): Promise<{ rows: AuditRow[]; nextBefore: bigint | null }> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const rows = await db().auditLog.findMany({
    where: {
      objectType: filter.objectType || undefined,
      objectId: filter.objectId || undefined,
      batchId: filter.batchId || undefined,
      actorLabel: filter.actor ? { contains: filter.actor, mode: "insensitive" } : undefined,
      at: filter.from || filter.to ? { gte: filter.from, lte: filter.to } : undefined,
      id: filter.before ? { lt: filter.before } : undefined,
    },
    select: { id: true, at: true, actorType: true, actorLabel: true, action: true, objectType: true, objectId: true, objectLabel: true, before: true, after: true, batchId: true },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { rows: page, nextBefore: rows.length > limit ? page[page.length - 1]!.id : null };
}

// The newest entries about any of these objects, e.g. a work order with its items and share links.
export async function listAuditForObjects(objects: { objectType: string; objectIds: (string | number)[] }[], limit = 100): Promise<AuditRow[]> {
  const wanted = objects.filter((o) => o.objectIds.length > 0);
  if (wanted.length === 0) return [];
  return db().auditLog.findMany({
    where: { OR: wanted.map((o) => ({ objectType: o.objectType, objectId: { in: o.objectIds.map(String) } })) },
    select: { id: true, at: true, actorType: true, actorLabel: true, action: true, objectType: true, objectId: true, objectLabel: true, before: true, after: true, batchId: true },
    orderBy: { id: "desc" },
    take: Math.min(Math.max(limit, 1), 500),
  });
}
