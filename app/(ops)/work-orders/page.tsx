import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { WorkOrderStatusBadge } from "@/components/ui/badge";
import { DataTable, numericCell } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatUtc } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { listWorkOrders } from "@/lib/db/work-orders";
import { NewWorkOrderLink } from "@/components/work-orders/selection";
import { canManageWorkOrders, canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Work orders" };

export default async function WorkOrdersPage() {
  await connection();
  const viewer = await requirePage(canRead, "/work-orders");
  const orders = await listWorkOrders();
  return (
    <>
      <PageHeader title="Work orders" description="Lists of devices and an action for each, for the datacenter's remote hands.">
        {canManageWorkOrders(viewer) ? <NewWorkOrderLink hostnames={[]}>New work order</NewWorkOrderLink> : null}
      </PageHeader>
      {orders.length === 0 ? (
        <EmptyState title="No work orders yet" />
      ) : (
        <DataTable label="Work orders">
          <thead>
            <tr>
              <th scope="col" className={numericCell}>#</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col" className={numericCell}>Items done</th>
              <th scope="col" className={numericCell}>Not possible</th>
              <th scope="col">Created by</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id}>
                <td className={`${numericCell} text-muted`}>{order.id}</td>
                <td>
                  <Link href={`/work-orders/${order.id}`} className="font-semibold text-accent hover:underline">
                    {order.title}
                  </Link>
                </td>
                <td>
                  <WorkOrderStatusBadge status={order.status} />
                </td>
                <td className={numericCell}>
                  {order.itemsByStatus.done} / {order.itemCount}
                </td>
                <td className={`${numericCell} ${order.itemsByStatus.not_possible > 0 ? "text-danger" : "text-muted"}`}>
                  {order.itemsByStatus.not_possible}
                </td>
                <td>{order.createdBy ?? <span className="text-muted">—</span>}</td>
                <td className="whitespace-nowrap tabular-nums">{formatUtc(order.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
