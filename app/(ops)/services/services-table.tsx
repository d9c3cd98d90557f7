import Link from "next/link";
import { InventoryTabs } from "@/components/data-table/inventory-tabs";
import { TableView } from "@/components/data-table/table-view";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { queryTablePage } from "@/lib/db/table-query";
import { servicesTable } from "@/lib/domain/tables/services";
import { parseTableState, type SearchParamsLike } from "@/lib/domain/tables/url-state";

// /services?view=table: the services as a table like every other inventory list (the health view
// is the page's default). The page has checked the viewer.
export async function ServicesTable({ search }: { search: SearchParamsLike }) {
  const state = parseTableState(servicesTable, search);
  const page = await queryTablePage(servicesTable, state);
  return (
    <>
      <InventoryTabs current="services" />
      <PageHeader title="Services" description="Redundancy groups, their minimum up and their hosts.">
        <Link href="/services" className="text-sm text-accent hover:underline">
          Health view
        </Link>
      </PageHeader>
      <TableView
        spec={servicesTable}
        state={state}
        page={page}
        label="Services"
        fixedParams={{ view: "table" }}
        empty={
          <EmptyState title="No services yet">
            <p>Services are loaded from a services CSV (see Import for the columns).</p>
          </EmptyState>
        }
      />
    </>
  );
}
