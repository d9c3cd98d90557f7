import "server-only";
import { hashToken, looksLikeToken, newToken } from "../auth/tokens";
import { publicOrigin } from "../auth/public-origin";
import { SHARE_RATE_LIMIT } from "../share/client-address";
import { recordAudit, type AuditActor } from "./audit";
import { db, sqlPool } from "./client";
import { checkRateLimit, consumeRateLimit } from "./rate-limit";
import type { WorkAction, WorkItemStatus, WorkOrderStatus } from "./generated/enums";
import { compareNatural } from "../domain/failure-snapshot";
import { compareWalkingOrder } from "./work-orders";

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
  const { rows } = await sqlPool().query<{ id: number; work_order_id: number; expires_at: Date; revoked_at: Date | null }>(
    "SELECT id, work_order_id, expires_at, revoked_at FROM share_link WHERE token_hash = $1",
    [hashToken(token)],
  );
  const link = rows[0];
  if (!link) return { kind: "unknown" };
  if (link.revoked_at || link.expires_at.getTime() <= Date.now()) return { kind: "expired" };
  return { kind: "ok", id: link.id, workOrderId: link.work_order_id, expiresAt: link.expires_at };
}

// A good link's open is counted in the statement that finds it (the page's hot path); only a token that
// matched no open link is looked up again, to tell unknown from expired.
async function countOpen(token: string): Promise<LinkState> {
  if (!looksLikeToken("share", token)) return { kind: "unknown" };
  const now = new Date();
  const { rows } = await sqlPool().query<{ id: number; work_order_id: number; expires_at: Date }>(
    `UPDATE share_link SET last_opened_at = $2, open_count = open_count + 1
      WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2
      RETURNING id, work_order_id, expires_at`,
    [hashToken(token), now],
  );
  const link = rows[0];
  return link ? { kind: "ok", id: link.id, workOrderId: link.work_order_id, expiresAt: link.expires_at } : findLink(token);
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
  // both asked at once (the link's state is not shown to a limited address, so reading it costs nothing)
  const [allowed, link] = await Promise.all([shareGuessAllowed(address), findLink(token)]);
  if (!allowed.allowed) return { kind: "limited", retryAfter: allowed.retryAfter };
  if (link.kind === "ok") return { kind: "ok" };
  await countShareFailure(address);
  return { kind: link.kind };
}

// What a link shows: null for a token nobody issued, {expired: true} (and nothing else) for an
// expired or revoked one, else the work order with everything the technician needs, in walking order.
export async function openShareLink(token: string, options: { countOpen?: boolean } = {}): Promise<SharedWorkOrder | { expired: true } | null> {
  const link = options.countOpen === false ? await findLink(token) : await countOpen(token);
  if (link.kind === "unknown") return null;
  if (link.kind === "expired") return { expired: true };
  const order = await readSharedOrder(link.workOrderId);
  if (!order) return null;
  return {
    expired: false,
    linkId: link.id,
    expiresAt: link.expiresAt,
    workOrder: order.workOrder,
    sites: order.sites,
    items: order.items,
  };
}

type RawShareItem = {
  id: number;
  action: WorkAction;
  note: string;
  status: WorkItemStatus;
  result_note: string;
  device_id: number;
  hostname: string;
  serial: string | null;
  asset_tag: string | null;
  bay: number | null;
  chassis_id: number | null;
  model_name: string;
  chassis: string | null;
  u_low: number | null;
  face: "front" | "rear" | null;
  u_height: number;
  cabinet_id: number | null;
  cabinet_name: string | null;
  room: string | null;
  site: string | null;
  cables: ShareItem["cables"];
};

// A work order as its link shows it, in two statements sent at once (the order with its sites' remote-hands
// details; its items with where each one is and its cables): the technician's page is read on every load,
// and Prisma's nested selects took some thirty. A sled is where its chassis is; a Nic's cable is listed
// from either end.
async function readSharedOrder(workOrderId: number): Promise<Omit<SharedWorkOrder, "expired" | "linkId" | "expiresAt"> | null> {
  const [orders, itemRows] = await Promise.all([
    // the order, and the remote-hands details of the sites its items are in (a sled's is its chassis')
    sqlPool().query<SharedWorkOrder["workOrder"] & { sites: ShareSite[] }>(
      `SELECT o.id, o.title, o.instructions, o.status::text AS status,
              coalesce((
                SELECT json_agg(json_build_object('name', s.name, 'address', s.address, 'accessNotes', s.access_notes,
                                                  'remoteHandsPhone', s.remote_hands_phone, 'remoteHandsEmail', s.remote_hands_email) ORDER BY s.name)
                  FROM site s
                 WHERE s.id IN (SELECT c.site_id FROM work_order_item i JOIN device d ON d.id = i.device_id
                                  JOIN device p ON p.id = coalesce(d.chassis_id, d.id) JOIN cabinet c ON c.id = p.cabinet_id
                                 WHERE i.work_order_id = o.id)), '[]') AS sites
         FROM work_order o WHERE o.id = $1`,
      [workOrderId],
    ),
    sqlPool().query<RawShareItem>(
      `SELECT i.id, i.action::text AS action, i.note, i.status::text AS status, i.result_note,
              d.id AS device_id, d.hostname, d.serial, d.asset_tag, d.bay, d.chassis_id, m.name AS model_name, ch.hostname AS chassis,
              p.u_low, p.face::text AS face, p.u_height, c.id AS cabinet_id, c.name AS cabinet_name, r.name AS room, s.name AS site,
              coalesce((
                SELECT json_agg(json_build_object('nic', n.name, 'label', CASE WHEN ca.id IS NOT NULL THEN ca.label ELSE cb.label END,
                                                  'peer', pd.hostname || ' ' || pn.name))
                  FROM nic n
                  LEFT JOIN cable ca ON ca.a_nic_id = n.id
                  LEFT JOIN cable cb ON cb.b_nic_id = n.id
                  JOIN nic pn ON pn.id = CASE WHEN ca.id IS NOT NULL THEN ca.b_nic_id ELSE cb.a_nic_id END
                  JOIN device pd ON pd.id = pn.device_id
                 WHERE n.device_id = d.id), '[]') AS cables
         FROM work_order_item i
         JOIN device d ON d.id = i.device_id
         JOIN model m ON m.id = d.model_id
         LEFT JOIN device ch ON ch.id = d.chassis_id
         JOIN device p ON p.id = coalesce(d.chassis_id, d.id)
         LEFT JOIN cabinet c ON c.id = p.cabinet_id
         LEFT JOIN room r ON r.id = c.room_id
         LEFT JOIN site s ON s.id = c.site_id
        WHERE i.work_order_id = $1`,
      [workOrderId],
    ),
  ]);
  const order = orders.rows[0];
  if (!order) return null;
  const items = itemRows.rows
    .map(
      (r): ShareItem => ({
        id: r.id,
        deviceId: r.device_id,
        hostname: r.hostname,
        serial: r.serial,
        assetTag: r.asset_tag,
        modelName: r.model_name,
        site: r.site,
        room: r.room,
        cabinet: r.cabinet_id === null ? null : { id: r.cabinet_id, name: r.cabinet_name! },
        uLow: r.u_low,
        uHigh: r.u_low !== null && r.u_height > 0 ? r.u_low + r.u_height - 1 : r.u_low,
        face: r.face,
        chassis: r.chassis,
        chassisId: r.chassis_id,
        bay: r.chassis_id !== null ? r.bay : null,
        // in natural order, as a switch's faceplate reads: Te1/0/2 before Te1/0/10
        cables: r.cables.sort((a, b) => compareNatural(a.nic, b.nic)),
        action: r.action,
        note: r.note,
        status: r.status,
        resultNote: r.result_note,
      }),
    )
    .sort(compareWalkingOrder);
  const { sites, ...workOrder } = order;
  return { workOrder, sites, items };
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
