import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { DataTable, numericCell } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber, plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { listSites } from "@/lib/db/sites";
import { canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Sites" };

export default async function SitesPage() {
  await connection();
  await requirePage(canRead, "/sites");
  const sites = await listSites();
  return (
    <>
      <PageHeader title="Sites" description={sites.length > 0 ? plural(sites.length, "datacenter") : undefined} />
      {sites.length === 0 ? (
        <EmptyState title="No sites yet">
          <p>A site is created with the first cabinet imported into it (see Import for the columns).</p>
        </EmptyState>
      ) : (
        <DataTable label="Sites">
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Address</th>
              <th scope="col">Remote hands</th>
              <th scope="col">Access notes</th>
              <th scope="col" className={numericCell}>Rooms</th>
              <th scope="col" className={numericCell}>Cabinets</th>
              <th scope="col" className={numericCell}>Devices</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((site) => (
              <tr key={site.id}>
                <th scope="row" className="px-3 py-1.5 text-left align-top font-semibold">
                  <Link href={`/sites/${site.id}`} className="text-accent hover:underline">
                    {site.name}
                  </Link>
                </th>
                <td>{site.address || <span className="text-muted">—</span>}</td>
                <td>
                  {site.remoteHandsPhone || site.remoteHandsEmail ? (
                    <div className="flex flex-col">
                      {site.remoteHandsPhone ? <span className="whitespace-nowrap">{site.remoteHandsPhone}</span> : null}
                      {site.remoteHandsEmail ? (
                        <a href={`mailto:${site.remoteHandsEmail}`} className="text-accent hover:underline">
                          {site.remoteHandsEmail}
                        </a>
                      ) : null}
                    </div>
                  ) : (
                    <span className="text-warn">none recorded</span>
                  )}
                </td>
                <td className="max-w-md text-muted">{site.accessNotes || "—"}</td>
                <td className={numericCell}>{formatNumber(site.roomCount)}</td>
                <td className={numericCell}>{formatNumber(site.cabinetCount)}</td>
                <td className={numericCell}>{formatNumber(site.deviceCount)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
