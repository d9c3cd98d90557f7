import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { TableView } from "@/components/data-table/table-view";
import { InventoryTabs } from "@/components/data-table/inventory-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { canEditInventory, canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { queryTablePage } from "@/lib/db/table-query";
import { cabinetsTable } from "@/lib/domain/tables/cabinets";
import { parseTableState, tableStateToParams, type SearchParamsLike } from "@/lib/domain/tables/url-state";

export const metadata: Metadata = { title: "Cabinets" };

export default async function CabinetsPage({ searchParams }: { searchParams: Promise<SearchParamsLike> }) {
  await connection();
  const state = parseTableState(cabinetsTable, await searchParams);
  const query = tableStateToParams(cabinetsTable, state).toString();
  const viewer = await requirePage(canRead, query ? `/cabinets?${query}` : "/cabinets");
  const page = await queryTablePage(cabinetsTable, state);
  return (
    <>
      <InventoryTabs current="cabinets" />
      <PageHeader title="Cabinets" description="Racks, their usage and power feeds.">
        {canEditInventory(viewer) ? (
          <Link href="/cabinets/new" className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2">
            New cabinet
          </Link>
        ) : null}
      </PageHeader>
      <TableView
        spec={cabinetsTable}
        state={state}
        page={page}
        label="Cabinets"
        empty={
          <EmptyState title="No cabinets yet">
            <p>Cabinets are loaded from a cabinets CSV (see Import for the columns).</p>
          </EmptyState>
        }
      />
    </>
  );
}
