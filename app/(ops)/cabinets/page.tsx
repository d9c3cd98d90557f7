import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { DataTable, numericCell } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber, plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { UsageBar } from "@/components/ui/usage-bar";
import { listCabinets } from "@/lib/db/cabinets";
import { canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Cabinets" };

export default async function CabinetsPage() {
  await connection();
  await requirePage(canRead, "/cabinets");
  const cabinets = await listCabinets();
  const usedU = cabinets.reduce((n, c) => n + c.uUsed, 0);
  const totalU = cabinets.reduce((n, c) => n + c.heightU, 0);
  return (
    <>
      <PageHeader
        title="Cabinets"
        description={
          cabinets.length > 0
            ? `${plural(cabinets.length, "cabinet")} · ${formatNumber(usedU)} of ${formatNumber(totalU)} U used`
            : undefined
        }
      />
      {cabinets.length === 0 ? (
        <EmptyState title="No cabinets yet">
          <p>
            Cabinets are loaded from a cabinets CSV (see Import for the columns) or generated with{" "}
            <code className="rounded bg-surface-2 px-1 py-0.5 whitespace-nowrap">npm run cli -- generate</code>.
          </p>
        </EmptyState>
      ) : (
        <DataTable label="Cabinets">
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Room</th>
              <th scope="col">Cabinet</th>
              <th scope="col" className={numericCell}>Height</th>
              <th scope="col" className="w-56">U used</th>
              <th scope="col" className={numericCell}>Free U</th>
              <th scope="col" className={numericCell}>Devices</th>
            </tr>
          </thead>
          <tbody>
            {cabinets.map((cabinet) => (
              <tr key={cabinet.id}>
                <td>{cabinet.siteName}</td>
                <td>{cabinet.roomName ?? <span className="text-muted">—</span>}</td>
                <td>
                  <Link href={`/cabinets/${cabinet.id}`} className="font-semibold text-accent hover:underline">
                    {cabinet.name}
                  </Link>
                </td>
                <td className={numericCell}>{cabinet.heightU} U</td>
                <td>
                  <div className="flex items-center gap-2">
                    <UsageBar used={cabinet.uUsed} total={cabinet.heightU} className="w-32" />
                    <span className="whitespace-nowrap">
                      {cabinet.uUsed} / {cabinet.heightU}
                    </span>
                  </div>
                </td>
                <td className={numericCell}>{cabinet.heightU - cabinet.uUsed}</td>
                <td className={numericCell}>{formatNumber(cabinet.deviceCount)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
