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
import { sitesTable } from "@/lib/domain/tables/sites";
import { parseTableState, tableStateToParams, type SearchParamsLike } from "@/lib/domain/tables/url-state";

export const metadata: Metadata = { title: "Sites" };

export default async function SitesPage({ searchParams }: { searchParams: Promise<SearchParamsLike> }) {
  await connection();
  const state = parseTableState(sitesTable, await searchParams);
  const query = tableStateToParams(sitesTable, state).toString();
  const viewer = await requirePage(canRead, query ? `/sites?${query}` : "/sites");
  const page = await queryTablePage(sitesTable, state);
  return (
    <>
      <InventoryTabs current="sites" />
      <PageHeader title="Sites" description="Datacenters, with their remote-hands desk and access notes.">
        {canEditInventory(viewer) ? (
          <Link href="/sites/new" className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2">
            New site
          </Link>
        ) : null}
      </PageHeader>
      <TableView
        spec={sitesTable}
        state={state}
        page={page}
        label="Sites"
        empty={
          <EmptyState title="No sites yet">
            <p>A site is created with the first cabinet imported into it (see Import for the columns).</p>
          </EmptyState>
        }
      />
    </>
  );
}
