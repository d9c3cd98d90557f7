import "server-only";
import { compareNatural } from "../domain/failure-snapshot";
import { listAuditForObjects, recordAudit, type AuditActor, type AuditRow } from "./audit";
import { db } from "./client";
import type { WorkAction, WorkItemStatus, WorkOrderStatus } from "./generated/enums";

export type WorkOrderRow = {
  id: number;
  title: string;
  status: WorkOrderStatus;
  createdAt: Date;
  createdBy: string | null;
  itemCount: number;
  itemsByStatus: Record<WorkItemStatus, number>;
};

export async function listWorkOrders({ take = 200 }: { take?: number } = {}): Promise<WorkOrderRow[]> {
  const orders = await db().workOrder.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      title: true,
      status: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
      _count: { select: { items: true } },
    },
  });
  if (orders.length === 0) return [];
  const groups = await db().workOrderItem.groupBy({
    by: ["workOrderId", "status"],
    where: { workOrderId: { in: orders.map((o) => o.id) } },
    _count: { _all: true },
  });
  const counts = new Map<number, Record<WorkItemStatus, number>>();
  for (const g of groups) {
    const entry = counts.get(g.workOrderId) ?? { pending: 0, done: 0, not_possible: 0 };
    entry[g.status] = g._count._all;
    counts.set(g.workOrderId, entry);
  }
  return orders.map((o) => ({
    id: o.id,
    title: o.title,
    status: o.status,
    createdAt: o.createdAt,
    createdBy: o.createdBy?.name || o.createdBy?.email || null,
    itemCount: o._count.items,
    itemsByStatus: counts.get(o.id) ?? { pending: 0, done: 0, not_possible: 0 },
  }));
}

export class UnknownHostsError extends Error {
  constructor(readonly hostnames: string[]) {
    super(`No device named ${hostnames.join(", ")}.`);
  }
}

// Which of these hostnames no device has, in the order given: the new-work-order page names them
// before anyone presses Create.
export async function findUnknownHostnames(hostnames: string[]): Promise<string[]> {
  if (hostnames.length === 0) return [];
  const known = await db().device.findMany({ where: { hostname: { in: hostnames } }, select: { hostname: true } });
  const names = new Set(known.map((d) => d.hostname));
  return hostnames.filter((h) => !names.has(h));
}

// One work order with its items and its audit entry, in one transaction. Hostnames are resolved
// first: an unknown one fails the whole order, naming every unknown host.
export async function createWorkOrder(input: {
  title: string;
  instructions?: string;
  items: { hostname: string; action: WorkAction; note?: string }[];
  createdById: string | null;
  actor: AuditActor;
}): Promise<{ id: number }> {
  const hostnames = [...new Set(input.items.map((i) => i.hostname))];
  const devices = await db().device.findMany({ where: { hostname: { in: hostnames } }, select: { id: true, hostname: true } });
  const idByHost = new Map(devices.map((d) => [d.hostname, d.id]));
  const unknown = hostnames.filter((h) => !idByHost.has(h));
  if (unknown.length) throw new UnknownHostsError(unknown);
  return db().$transaction(async (tx) => {
    const order = await tx.workOrder.create({
      data: { title: input.title, instructions: input.instructions ?? "", createdById: input.createdById },
      select: { id: true },
    });
    // a device with the same action twice is one item
    const seen = new Set<string>();
    const items = input.items.filter((i) => {
      const key = `${i.hostname}\u0000${i.action}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    await tx.workOrderItem.createMany({
      data: items.map((i) => ({ workOrderId: order.id, deviceId: idByHost.get(i.hostname)!, action: i.action, note: i.note ?? "" })),
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: "create",
      objectType: "work_order",
      objectId: order.id,
      objectLabel: input.title,
      before: null,
      after: { title: input.title, instructions: input.instructions ?? "", items: items.map((i) => `${i.hostname}: ${i.action}`) },
    });
    return order;
  });
}

export type WorkOrderItemDetail = {
  id: number;
  hostname: string;
  action: WorkAction;
  note: string;
  status: WorkItemStatus;
  resultNote: string;
  modelName: string;
  serial: string | null;
  site: string | null;
  room: string | null;
  cabinet: { id: number; name: string } | null;
  // the device's U, or its chassis' for a sled
  uLow: number | null;
  chassis: string | null;
  bay: number | null;
};

export type WorkOrderDetail = {
  id: number;
  title: string;
  instructions: string;
  status: WorkOrderStatus;
  createdAt: Date;
  createdBy: string | null;
  // in walking order: site, room, cabinet, U from the top, a chassis' sleds by bay, hostname
  items: WorkOrderItemDetail[];
};

const placeSelect = {
  uLow: true,
  cabinet: { select: { id: true, name: true, room: { select: { name: true } }, site: { select: { name: true } } } },
} as const;

export async function getWorkOrder(id: number): Promise<WorkOrderDetail | null> {
  const order = await db().workOrder.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      instructions: true,
      status: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
      items: {
        select: {
          id: true,
          action: true,
          note: true,
          status: true,
          resultNote: true,
          device: {
            select: {
              hostname: true,
              serial: true,
              bay: true,
              model: { select: { name: true } },
              ...placeSelect,
              chassis: { select: { hostname: true, ...placeSelect } },
            },
          },
        },
      },
    },
  });
  if (!order) return null;
  const items = order.items.map((item): WorkOrderItemDetail => {
    const { device } = item;
    const placed = device.chassis ?? device;
    return {
      id: item.id,
      hostname: device.hostname,
      action: item.action,
      note: item.note,
      status: item.status,
      resultNote: item.resultNote,
      modelName: device.model.name,
      serial: device.serial,
      site: placed.cabinet?.site.name ?? null,
      room: placed.cabinet?.room?.name ?? null,
      cabinet: placed.cabinet ? { id: placed.cabinet.id, name: placed.cabinet.name } : null,
      uLow: placed.uLow,
      chassis: device.chassis?.hostname ?? null,
      bay: device.chassis ? device.bay : null,
    };
  });
  return {
    id: order.id,
    title: order.title,
    instructions: order.instructions,
    status: order.status,
    createdAt: order.createdAt,
    createdBy: order.createdBy?.name || order.createdBy?.email || null,
    items: items.sort(compareWalkingOrder),
  };
}

// The order's history: its own entries, its items' (marked by an operator or under a share link) and
// its share links', newest first.
export async function listWorkOrderHistory(id: number, limit = 100): Promise<AuditRow[]> {
  const [items, links] = await Promise.all([
    db().workOrderItem.findMany({ where: { workOrderId: id }, select: { id: true } }),
    db().shareLink.findMany({ where: { workOrderId: id }, select: { id: true } }),
  ]);
  return listAuditForObjects(
    [
      { objectType: "work_order", objectIds: [id] },
      { objectType: "work_order_item", objectIds: items.map((i) => i.id) },
      { objectType: "share_link", objectIds: links.map((l) => l.id) },
    ],
    limit,
  );
}

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareNatural(a, b);
}

export function compareWalkingOrder(a: WorkOrderItemDetail, b: WorkOrderItemDetail): number {
  return (
    compareText(a.site, b.site) ||
    compareText(a.room, b.room) ||
    compareText(a.cabinet?.name ?? null, b.cabinet?.name ?? null) ||
    (b.uLow ?? -1) - (a.uLow ?? -1) ||
    compareNatural(a.chassis ?? a.hostname, b.chassis ?? b.hostname) ||
    (a.bay ?? 0) - (b.bay ?? 0) ||
    compareNatural(a.hostname, b.hostname) ||
    a.id - b.id
  );
}
