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
import { modelsTable } from "@/lib/domain/tables/models";
import { parseTableState, tableStateToParams, type SearchParamsLike } from "@/lib/domain/tables/url-state";

export const metadata: Metadata = { title: "Models" };

export default async function ModelsPage({ searchParams }: { searchParams: Promise<SearchParamsLike> }) {
  await connection();
  const state = parseTableState(modelsTable, await searchParams);
  const query = tableStateToParams(modelsTable, state).toString();
  const viewer = await requirePage(canRead, query ? `/models?${query}` : "/models");
  const page = await queryTablePage(modelsTable, state);
  return (
    <>
      <InventoryTabs current="models" />
      <PageHeader title="Models" description="Hardware types: manufacturer, kind, height and chassis bays.">
        {canEditInventory(viewer) ? (
          <Link href="/models/new" className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2">
            New model
          </Link>
        ) : null}
      </PageHeader>
      <TableView
        spec={modelsTable}
        state={state}
        page={page}
        label="Models"
        empty={
          <EmptyState title="No models yet">
            <p>Models are loaded from a models CSV (see Import for the columns).</p>
          </EmptyState>
        }
      />
    </>
  );
}
