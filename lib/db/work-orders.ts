import "server-only";
import { db } from "./client";
import type { WorkItemStatus, WorkOrderStatus } from "./generated/enums";

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
