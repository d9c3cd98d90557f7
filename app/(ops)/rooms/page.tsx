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
import { roomsTable } from "@/lib/domain/tables/rooms";
import { parseTableState, tableStateToParams, type SearchParamsLike } from "@/lib/domain/tables/url-state";

export const metadata: Metadata = { title: "Rooms" };

export default async function RoomsPage({ searchParams }: { searchParams: Promise<SearchParamsLike> }) {
  await connection();
  const state = parseTableState(roomsTable, await searchParams);
  const query = tableStateToParams(roomsTable, state).toString();
  const viewer = await requirePage(canRead, query ? `/rooms?${query}` : "/rooms");
  const page = await queryTablePage(roomsTable, state);
  return (
    <>
      <InventoryTabs current="rooms" />
      <PageHeader title="Rooms" description="Compute rooms: each one power-and-cooling domain.">
        {canEditInventory(viewer) ? (
          <Link href="/rooms/new" className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2">
            New room
          </Link>
        ) : null}
      </PageHeader>
      <TableView
        spec={roomsTable}
        state={state}
        page={page}
        label="Rooms"
        empty={
          <EmptyState title="No rooms yet">
            <p>A room is created with the first cabinet imported into it (see Import for the columns).</p>
          </EmptyState>
        }
      />
    </>
  );
}
