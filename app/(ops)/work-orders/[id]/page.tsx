import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AuditTable } from "@/components/audit-table";
import { deviceHref } from "@/components/failure/links";
import { Badge, WorkOrderStatusBadge } from "@/components/ui/badge";
import { DataTable, numericCell } from "@/components/ui/data-table";
import { formatUtc, plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { canManageShareLinks, canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { listShareLinks } from "@/lib/db/share-links";
import { getWorkOrder, listWorkOrderHistory, type WorkOrderItemDetail } from "@/lib/db/work-orders";
import { revokeShareLinkAction } from "./actions";
import { LiveRefresh } from "./live-refresh";
import { ShareLinkForm } from "./share-link-form";

type Params = { id: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: `Work order ${(await params).id}` };
}

const ACTION_LABELS: Record<WorkOrderItemDetail["action"], string> = {
  power_cycle: "Power-cycle",
  inspect: "Inspect",
  reseat_cable: "Reseat cable",
  replace_part: "Replace part",
  other: "Other",
};

const ITEM_TONES = { pending: "neutral", done: "ok", not_possible: "danger" } as const;

function where(item: WorkOrderItemDetail): string {
  const parts = [item.site, item.room, item.cabinet?.name].filter((p): p is string => p !== null && p !== undefined);
  if (item.uLow !== null) parts.push(`U${item.uLow}`);
  return parts.length > 0 ? parts.join(" · ") : "not placed";
}

// A work order: its items in walking order with their progress (polled), share links and history.
export default async function WorkOrderPage({ params }: { params: Promise<Params> }) {
  await connection();
  const { id } = await params;
  const viewer = await requirePage(canRead, `/work-orders/${id}`);
  const numeric = /^\d{1,9}$/.test(id) ? Number(id) : null;
  const order = numeric === null ? null : await getWorkOrder(numeric);
  if (order === null) notFound();
  const done = order.items.filter((i) => i.status === "done").length;
  const mayShare = canManageShareLinks(viewer);
  const [links, history] = await Promise.all([listShareLinks(order.id), listWorkOrderHistory(order.id)]);
  return (
    <div className="space-y-4">
      <PageHeader
        breadcrumbs={[{ href: "/work-orders", label: "Work orders" }]}
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="text-muted">#{order.id}</span> {order.title} <WorkOrderStatusBadge status={order.status} />
          </span>
        }
        description={
          <>
            {plural(order.items.length, "item")}, {done} done · created {formatUtc(order.createdAt)}
            {order.createdBy ? ` by ${order.createdBy}` : ""}
          </>
        }
      >
        <LiveRefresh renderedAt={new Date().toISOString()} />
      </PageHeader>
      {order.instructions ? (
        <div className="rounded-md border border-line bg-surface px-4 py-3 whitespace-pre-line">{order.instructions}</div>
      ) : null}
      <DataTable label="Items">
        <thead>
          <tr>
            <th scope="col" className={numericCell}>#</th>
            <th scope="col">Where</th>
            <th scope="col">Host</th>
            <th scope="col">Model</th>
            <th scope="col">Action</th>
            <th scope="col">Note</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item, i) => (
            <tr key={item.id}>
              <td className={`${numericCell} text-muted`}>{i + 1}</td>
              <td className="whitespace-nowrap">
                {item.cabinet ? (
                  <Link href={`/cabinets/${item.cabinet.id}`} className="hover:underline">
                    {where(item)}
                  </Link>
                ) : (
                  where(item)
                )}
                {item.chassis ? (
                  <span className="block text-xs text-muted">
                    {item.chassis} bay {item.bay ?? "?"}
                  </span>
                ) : null}
              </td>
              <td className="whitespace-nowrap">
                <Link href={deviceHref(item.hostname)} className="font-mono text-[12.5px] font-semibold text-accent hover:underline">
                  {item.hostname}
                </Link>
                {item.serial ? <span className="block text-xs text-muted">tag {item.serial}</span> : null}
              </td>
              <td className="whitespace-nowrap">{item.modelName}</td>
              <td className="whitespace-nowrap font-medium">{ACTION_LABELS[item.action]}</td>
              <td className="text-muted">{item.note || "—"}</td>
              <td>
                <Badge tone={ITEM_TONES[item.status]}>{item.status.replace("_", " ")}</Badge>
                {item.resultNote ? <span className="block text-xs text-muted">{item.resultNote}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <section aria-labelledby="share-heading" className="space-y-3">
        <h2 id="share-heading" className="text-base font-semibold">
          Share links
        </h2>
        {mayShare ? <ShareLinkForm workOrderId={order.id} /> : null}
        {links.length === 0 ? (
          <p className="text-sm text-muted">No share links yet.</p>
        ) : (
          <DataTable label="Share links">
            <thead>
              <tr>
                <th scope="col" className={numericCell}>#</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last opened</th>
                <th scope="col">State</th>
                {mayShare ? <th scope="col"><span className="sr-only">Revoke</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {links.map((link) => (
                <tr key={link.id}>
                  <td className={`${numericCell} text-muted`}>{link.id}</td>
                  <td className="whitespace-nowrap">
                    {formatUtc(link.createdAt)}
                    {link.createdBy ? <span className="block text-xs text-muted">by {link.createdBy}</span> : null}
                  </td>
                  <td className="whitespace-nowrap">{formatUtc(link.expiresAt)}</td>
                  <td className="whitespace-nowrap">
                    {link.lastOpenedAt ? `${formatUtc(link.lastOpenedAt)} (${plural(link.openCount, "open")})` : "never"}
                  </td>
                  <td>
                    {link.revokedAt ? (
                      <Badge tone="danger">revoked</Badge>
                    ) : link.active ? (
                      <Badge tone="ok">active</Badge>
                    ) : (
                      <Badge tone="neutral">expired</Badge>
                    )}
                  </td>
                  {mayShare ? (
                    <td>
                      {link.active ? (
                        <form action={revokeShareLinkAction}>
                          <input type="hidden" name="id" value={link.id} />
                          <input type="hidden" name="workOrderId" value={order.id} />
                          <ConfirmButton question={`Revoke share link #${link.id}? Whoever has it can no longer open the work order.`}>Revoke</ConfirmButton>
                        </form>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-base font-semibold">
          History
        </h2>
        {history.length === 0 ? <p className="text-sm text-muted">No changes recorded.</p> : <AuditTable rows={history} />}
      </section>
    </div>
  );
}
