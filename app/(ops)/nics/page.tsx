import type { Metadata } from "next";
import { connection } from "next/server";
import { TableView } from "@/components/data-table/table-view";
import { InventoryTabs } from "@/components/data-table/inventory-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { queryTablePage } from "@/lib/db/table-query";
import { nicsTable } from "@/lib/domain/tables/nics";
import { parseTableState, tableStateToParams, type SearchParamsLike } from "@/lib/domain/tables/url-state";

export const metadata: Metadata = { title: "Nics" };

export default async function NicsPage({ searchParams }: { searchParams: Promise<SearchParamsLike> }) {
  await connection();
  const state = parseTableState(nicsTable, await searchParams);
  const query = tableStateToParams(nicsTable, state).toString();
  await requirePage(canRead, query ? `/nics?${query}` : "/nics");
  const page = await queryTablePage(nicsTable, state);
  return (
    <>
      <InventoryTabs current="nics" />
      <PageHeader title="Nics" description="Every network interface: its MAC, speed, driver, bond, address and what it is cabled to." />
      <TableView
        spec={nicsTable}
        state={state}
        page={page}
        label="Nics"
        empty={
          <EmptyState title="No Nics yet">
            <p>Nics are loaded from a nics CSV (see Import for the columns).</p>
          </EmptyState>
        }
      />
    </>
  );
}
