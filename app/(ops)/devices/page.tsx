import type { Metadata } from "next";
import { connection } from "next/server";
import { InventoryTabs } from "@/components/data-table/inventory-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { canEditInventory, canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { queryTablePage } from "@/lib/db/table-query";
import { devicesTable } from "@/lib/domain/tables/devices";
import { parseTableState, tableStateToParams, type SearchParamsLike } from "@/lib/domain/tables/url-state";
import { DevicesTable } from "./devices-table";

export const metadata: Metadata = { title: "Devices" };

export default async function DevicesPage({ searchParams }: { searchParams: Promise<SearchParamsLike> }) {
  await connection();
  const state = parseTableState(devicesTable, await searchParams);
  const query = tableStateToParams(devicesTable, state).toString();
  const viewer = await requirePage(canRead, query ? `/devices?${query}` : "/devices");
  const page = await queryTablePage(devicesTable, state);
  return (
    <>
      <InventoryTabs current="devices" />
      <PageHeader title="Devices" description="Every chassis, sled, server, switch and storage node. Sort, filter and share the view: it is all in the URL." />
      <DevicesTable
        state={state}
        page={page}
        canEdit={canEditInventory(viewer)}
        empty={
          <EmptyState title="No devices yet">
            <p>
              Devices are loaded from a devices CSV (see Import for the columns) or generated with{" "}
              <code className="rounded bg-surface-2 px-1 py-0.5 whitespace-nowrap">npm run cli -- generate</code>.
            </p>
          </EmptyState>
        }
      />
    </>
  );
}
