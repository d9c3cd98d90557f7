import type { Metadata } from "next";
import { connection } from "next/server";
import { TableView } from "@/components/data-table/table-view";
import { InventoryTabs } from "@/components/data-table/inventory-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { queryTablePage } from "@/lib/db/table-query";
import { cablesTable } from "@/lib/domain/tables/cables";
import { parseTableState, tableStateToParams, type SearchParamsLike } from "@/lib/domain/tables/url-state";

export const metadata: Metadata = { title: "Cables" };

export default async function CablesPage({ searchParams }: { searchParams: Promise<SearchParamsLike> }) {
  await connection();
  const state = parseTableState(cablesTable, await searchParams);
  const query = tableStateToParams(cablesTable, state).toString();
  await requirePage(canRead, query ? `/cables?${query}` : "/cables");
  const page = await queryTablePage(cablesTable, state);
  return (
    <>
      <InventoryTabs current="cables" />
      <PageHeader title="Cables" description="Every cable with its label and both ends." />
      <TableView
        spec={cablesTable}
        state={state}
        page={page}
        label="Cables"
        empty={
          <EmptyState title="No cables yet">
            <p>Cables are loaded from a cables CSV (see Import for the columns).</p>
          </EmptyState>
        }
      />
    </>
  );
}
