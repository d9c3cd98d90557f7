import type { Metadata } from "next";
import { connection } from "next/server";
import { PageHeader } from "@/components/ui/page-header";
import { canManageWorkOrders } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { findUnknownHostnames } from "@/lib/db/work-orders";
import { hostsFromParam } from "@/lib/schemas/work-order";
import { NewWorkOrderForm } from "./new-work-order-form";

export const metadata: Metadata = { title: "New work order" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The one way into a new work order: search results, a cabinet, a device and the device tables link
// here with `?hosts=a,b,c`; the operator picks an action and a note per host and creates it.
export default async function NewWorkOrderPage({ searchParams }: Props) {
  await connection();
  const hosts = hostsFromParam((await searchParams).hosts);
  await requirePage(canManageWorkOrders, hosts.length ? `/work-orders/new?hosts=${encodeURIComponent(hosts.join(","))}` : "/work-orders/new");
  const unknown = await findUnknownHostnames(hosts);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/work-orders", label: "Work orders" }]}
        title="New work order"
        description="What remote hands should do, device by device. Share it with a link once it is created."
      />
      <NewWorkOrderForm hosts={hosts} unknownHosts={unknown} />
    </>
  );
}
