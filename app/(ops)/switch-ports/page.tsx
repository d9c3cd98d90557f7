import type { Metadata } from "next";
import { connection } from "next/server";
import { TableView } from "@/components/data-table/table-view";
import { InventoryTabs } from "@/components/data-table/inventory-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { queryTablePage } from "@/lib/db/table-query";
import { switchPortsTable } from "@/lib/domain/tables/switch-ports";
import { parseTableState, tableStateToParams, type SearchParamsLike } from "@/lib/domain/tables/url-state";

export const metadata: Metadata = { title: "Switch ports" };

export default async function SwitchPortsPage({ searchParams }: { searchParams: Promise<SearchParamsLike> }) {
  await connection();
  const state = parseTableState(switchPortsTable, await searchParams);
  const query = tableStateToParams(switchPortsTable, state).toString();
  await requirePage(canRead, query ? `/switch-ports?${query}` : "/switch-ports");
  const page = await queryTablePage(switchPortsTable, state);
  return (
    <>
      <InventoryTabs current="switch-ports" />
      <PageHeader title="Switch ports" description="Every port of every switch, and the device plugged into it." />
      <TableView
        spec={switchPortsTable}
        state={state}
        page={page}
        label="Switch ports"
        empty={
          <EmptyState title="No switch ports yet">
            <p>{"A switch's ports are its Nics: load them from a nics CSV, or a cables CSV creates the ports it names."}</p>
          </EmptyState>
        }
      />
    </>
  );
}
