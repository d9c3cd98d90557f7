import "server-only";
import { hashToken, looksLikeToken, newToken } from "../auth/tokens";
import { publicOrigin } from "../auth/public-origin";
import { SHARE_RATE_LIMIT } from "../share/client-address";
import { recordAudit, type AuditActor } from "./audit";
import { db } from "./client";
import { checkRateLimit, consumeRateLimit } from "./rate-limit";
import type { WorkAction, WorkItemStatus, WorkOrderStatus } from "./generated/enums";
import { getWorkOrder } from "./work-orders";

export const SHARE_DEFAULT_HOURS = 24;
export const SHARE_MAX_HOURS = 720;

export class ShareExpiryError extends Error {}

export function parseExpiryHours(value: unknown): number {
  if (value === undefined || value === null || value === "") return SHARE_DEFAULT_HOURS;
  const n = typeof value === "string" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > SHARE_MAX_HOURS) {
    throw new ShareExpiryError(`expiresInHours must be a whole number from 1 to ${SHARE_MAX_HOURS}.`);
  }
  return n;
}

// A new link for one work order. The token is returned in the URL this once and stored only as its hash.
export async function createShareLink(input: {
  workOrderId: number;
  expiresInHours?: number;
  createdById: string | null;
  actor?: AuditActor;
}): Promise<{ id: number; url: string; expiresAt: Date } | null> {
  const hours = parseExpiryHours(input.expiresInHours);
  const token = newToken("share");
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  return db().$transaction(async (tx) => {
    const order = await tx.workOrder.findUnique({ where: { id: input.workOrderId }, select: { id: true, title: true } });
    if (!order) return null;
    const link = await tx.shareLink.create({
      data: { workOrderId: order.id, tokenHash: hashToken(token), createdById: input.createdById, expiresAt },
      select: { id: true, expiresAt: true },
    });
    if (input.actor) {
      await recordAudit(tx, {
        actor: input.actor,
        action: "create",
        objectType: "share_link",
        objectId: link.id,
        objectLabel: `share link #${link.id} for work order #${order.id}`,
        before: null,
        after: { workOrderId: order.id, expiresAt: link.expiresAt.toISOString() },
      });
    }
    return { id: link.id, url: `${publicOrigin()}/share/${token}`, expiresAt: link.expiresAt };
  });
}

export type ShareLinkRow = {
  id: number;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
  lastOpenedAt: Date | null;
  openCount: number;
  active: boolean;
};

export async function listShareLinks(workOrderId: number): Promise<ShareLinkRow[]> {
  const links = await db().shareLink.findMany({
    where: { workOrderId },
    orderBy: { id: "desc" },
    select: {
      id: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
      expiresAt: true,
      revokedAt: true,
      lastOpenedAt: true,
      openCount: true,
    },
  });
  const now = Date.now();
  return links.map((l) => ({
    id: l.id,
    createdAt: l.createdAt,
    createdBy: l.createdBy?.name || l.createdBy?.email || null,
    expiresAt: l.expiresAt,
    revokedAt: l.revokedAt,
    lastOpenedAt: l.lastOpenedAt,
    openCount: l.openCount,
    active: l.revokedAt === null && l.expiresAt.getTime() > now,
  }));
}

// Revokes a link once; true when it existed (revoking twice keeps the first time).
export async function revokeShareLink(id: number, actor?: AuditActor): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const link = await tx.shareLink.findUnique({ where: { id }, select: { id: true, workOrderId: true, revokedAt: true } });
    if (!link) return false;
    if (link.revokedAt) return true;
    const revokedAt = new Date();
    await tx.shareLink.update({ where: { id }, data: { revokedAt } });
    if (actor) {
      await recordAudit(tx, {
        actor,
        action: "update",
        objectType: "share_link",
        objectId: id,
        objectLabel: `share link #${id} for work order #${link.workOrderId}`,
        before: { revokedAt: null },
        after: { revokedAt: revokedAt.toISOString() },
      });
    }
    return true;
  });
}

export type ShareItem = {
  id: number;
  deviceId: number;
  hostname: string;
  serial: string | null;
  assetTag: string | null;
  modelName: string;
  site: string | null;
  room: string | null;
  cabinet: { id: number; name: string } | null;
  uLow: number | null;
  uHigh: number | null;
  face: "front" | "rear" | null;
  chassis: string | null;
  chassisId: number | null;
  bay: number | null;
  cables: { nic: string; label: string | null; peer: string | null }[];
  action: WorkAction;
  note: string;
  status: WorkItemStatus;
  resultNote: string;
};

export type ShareSite = {
  name: string;
  address: string;
  accessNotes: string;
  remoteHandsPhone: string;
  remoteHandsEmail: string;
};

export type SharedWorkOrder = {
  expired: false;
  linkId: number;
  expiresAt: Date;
  workOrder: { id: number; title: string; instructions: string; status: WorkOrderStatus };
  sites: ShareSite[];
  items: ShareItem[];
};

type LinkState = { kind: "unknown" } | { kind: "expired" } | { kind: "ok"; id: number; workOrderId: number; expiresAt: Date };

async function findLink(token: string): Promise<LinkState> {
  if (!looksLikeToken("share", token)) return { kind: "unknown" };
  const link = await db().shareLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, workOrderId: true, expiresAt: true, revokedAt: true },
  });
  if (!link) return { kind: "unknown" };
  if (link.revokedAt || link.expiresAt.getTime() <= Date.now()) return { kind: "expired" };
  return { kind: "ok", id: link.id, workOrderId: link.workOrderId, expiresAt: link.expiresAt };
}

// Guessing is limited per client address by counting failed lookups only (unknown, expired or
// revoked tokens), so a technician reloading a good link is never locked out. Over the limit, every
// lookup from that address is refused, good token or not, so the answer tells a guesser nothing.
export async function shareGuessAllowed(address: string): Promise<{ allowed: true } | { allowed: false; retryAfter: number }> {
  const limit = await checkRateLimit(`share:${address}`, SHARE_RATE_LIMIT);
  return limit.allowed ? { allowed: true } : { allowed: false, retryAfter: limit.retryAfter ?? SHARE_RATE_LIMIT.window };
}

export async function countShareFailure(address: string): Promise<void> {
  await consumeRateLimit(`share:${address}`, SHARE_RATE_LIMIT);
}

export type ShareGate = { kind: "ok" } | { kind: "unknown" } | { kind: "expired" } | { kind: "limited"; retryAfter: number };

// What a request for a link's page gets before the page renders (proxy.ts): it decides the status
// (404, 410, 429) that a rendered page cannot set. Reads only the link's state, never its data.
export async function gateShareToken(token: string, address: string): Promise<ShareGate> {
  const allowed = await shareGuessAllowed(address);
  if (!allowed.allowed) return { kind: "limited", retryAfter: allowed.retryAfter };
  const link = await findLink(token);
  if (link.kind === "ok") return { kind: "ok" };
  await countShareFailure(address);
  return { kind: link.kind };
}

// What a link shows: null for a token nobody issued, {expired: true} (and nothing else) for an
// expired or revoked one, else the work order with everything the technician needs, in walking order.
export async function openShareLink(token: string, options: { countOpen?: boolean } = {}): Promise<SharedWorkOrder | { expired: true } | null> {
  const link = await findLink(token);
  if (link.kind === "unknown") return null;
  if (link.kind === "expired") return { expired: true };
  if (options.countOpen !== false) {
    await db().shareLink.update({ where: { id: link.id }, data: { lastOpenedAt: new Date(), openCount: { increment: 1 } } });
  }
  const order = await getWorkOrder(link.workOrderId);
  if (!order) return null;
  const extras = await db().workOrderItem.findMany({
    where: { workOrderId: order.id },
    select: {
      id: true,
      device: {
        select: {
          id: true,
          assetTag: true,
          face: true,
          uLow: true,
          chassisId: true,
          uHeight: true,
          chassis: { select: { uLow: true, face: true, uHeight: true } },
          nics: {
            orderBy: { name: "asc" },
            select: {
              name: true,
              cableA: { select: { label: true, bNic: { select: { name: true, device: { select: { hostname: true } } } } } },
              cableB: { select: { label: true, aNic: { select: { name: true, device: { select: { hostname: true } } } } } },
            },
          },
        },
      },
    },
  });
  const extraById = new Map(extras.map((e) => [e.id, e.device]));
  const siteNames = [...new Set(order.items.map((i) => i.site).filter((s): s is string => s !== null))];
  const sites = await db().site.findMany({
    where: { name: { in: siteNames } },
    orderBy: { name: "asc" },
    select: { name: true, address: true, accessNotes: true, remoteHandsPhone: true, remoteHandsEmail: true },
  });
  const items = order.items.map((item): ShareItem => {
    const d = extraById.get(item.id)!;
    const placed = d.chassis ?? d;
    const height = placed.uHeight;
    const cables = d.nics.flatMap((nic) => {
      if (nic.cableA) return [{ nic: nic.name, label: nic.cableA.label, peer: `${nic.cableA.bNic.device.hostname} ${nic.cableA.bNic.name}` }];
      if (nic.cableB) return [{ nic: nic.name, label: nic.cableB.label, peer: `${nic.cableB.aNic.device.hostname} ${nic.cableB.aNic.name}` }];
      return [];
    });
    return {
      id: item.id,
      deviceId: d.id,
      hostname: item.hostname,
      serial: item.serial,
      assetTag: d.assetTag,
      modelName: item.modelName,
      site: item.site,
      room: item.room,
      cabinet: item.cabinet,
      uLow: item.uLow,
      uHigh: item.uLow !== null && height > 0 ? item.uLow + height - 1 : item.uLow,
      face: placed.face,
      chassis: item.chassis,
      chassisId: d.chassisId,
      bay: item.bay,
      cables,
      action: item.action,
      note: item.note,
      status: item.status,
      resultNote: item.resultNote,
    };
  });
  return {
    expired: false,
    linkId: link.id,
    expiresAt: link.expiresAt,
    workOrder: { id: order.id, title: order.title, instructions: order.instructions, status: order.status },
    sites,
    items,
  };
}

export type MarkResult = "ok" | "unknown" | "expired" | "no_such_item" | "bad_input";

// The technician marks one item of the link's own work order; the change and its audit entry
// (under the link) commit together.
export async function markShareItem(token: string, itemId: number, status: string, note: string): Promise<MarkResult> {
  if (status !== "done" && status !== "not_possible") return "bad_input";
  if (!Number.isSafeInteger(itemId) || itemId < 1) return "no_such_item";
  const resultNote = note.trim().slice(0, 2000);
  const link = await findLink(token);
  if (link.kind === "unknown") return "unknown";
  if (link.kind === "expired") return "expired";
  return db().$transaction(async (tx) => {
    const item = await tx.workOrderItem.findFirst({
      where: { id: itemId, workOrderId: link.workOrderId },
      select: { id: true, status: true, resultNote: true, action: true, device: { select: { hostname: true } } },
    });
    if (!item) return "no_such_item";
    await tx.workOrderItem.update({
      where: { id: item.id },
      data: { status, resultNote, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actor: { type: "share_link", id: String(link.id), label: `share link #${link.id}` },
      action: "update",
      objectType: "work_order_item",
      objectId: item.id,
      objectLabel: `${item.device.hostname}: ${item.action}`,
      before: { status: item.status, resultNote: item.resultNote },
      after: { status, resultNote },
    });
    return "ok";
  });
}
