import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { DeviceStatusBadge } from "@/components/ui/badge";
import { DataTable, numericCell } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { UsageBar } from "@/components/ui/usage-bar";
import { canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { getCabinet, type CabinetDevice } from "@/lib/db/cabinets";

type Props = { params: Promise<{ id: string }> };

// generateMetadata and the page both need the cabinet; one query per request
const loadCabinet = cache(async (rawId: string) => {
  await connection();
  await requirePage(canRead, `/cabinets/${rawId}`);
  if (!/^\d{1,9}$/.test(rawId)) return null;
  return getCabinet({ id: Number(rawId) });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const cabinet = await loadCabinet((await params).id);
  return { title: cabinet ? `Cabinet ${cabinet.siteName}/${cabinet.name}` : "Cabinet not found" };
}

export default async function CabinetPage({ params }: Props) {
  const cabinet = await loadCabinet((await params).id);
  if (!cabinet) notFound();

  const free = cabinet.heightU - cabinet.uUsed;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/cabinets", label: "Cabinets" }]}
        title={
          <>
            <span className="text-muted">{cabinet.siteName} /</span> {cabinet.name}
          </>
        }
        description={[
          cabinet.roomName ?? "not in a room",
          `${cabinet.heightU} U`,
          plural(cabinet.deviceCount, "device"),
        ].join(" · ")}
      >
        <div className="w-56 text-xs text-muted">
          <div className="mb-1 flex justify-between tabular-nums">
            <span>
              {cabinet.uUsed} / {cabinet.heightU} U used
            </span>
            <span>{free} free</span>
          </div>
          <UsageBar used={cabinet.uUsed} total={cabinet.heightU} />
        </div>
      </PageHeader>

      {cabinet.notes ? (
        <p className="mb-4 rounded-md border border-line bg-surface px-3 py-2 whitespace-pre-line">{cabinet.notes}</p>
      ) : null}

      <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="devices-heading">
          <h2 id="devices-heading" className="mb-2 text-sm font-semibold">
            Devices <span className="font-normal text-muted">from the top</span>
          </h2>
          {cabinet.devices.length === 0 ? (
            <EmptyState title="This cabinet is empty" />
          ) : (
            <DataTable label="Devices in this cabinet">
              <thead>
                <tr>
                  <th scope="col" className={numericCell}>U</th>
                  <th scope="col">Face</th>
                  <th scope="col">Hostname</th>
                  <th scope="col">Model</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {cabinet.devices.map((device) => (
                  <DeviceRows key={device.id} device={device} />
                ))}
              </tbody>
            </DataTable>
          )}
        </section>

        <section aria-labelledby="power-heading">
          <h2 id="power-heading" className="mb-2 text-sm font-semibold">
            Power feeds
          </h2>
          {cabinet.feeds.length === 0 ? (
            <p className="rounded-md border border-line bg-surface px-3 py-2 text-warn">No power feeds recorded.</p>
          ) : (
            <DataTable label="Power feeds">
              <thead>
                <tr>
                  <th scope="col">Feed</th>
                  <th scope="col">Source</th>
                  <th scope="col" className={numericCell}>Devices</th>
                </tr>
              </thead>
              <tbody>
                {cabinet.feeds.map((feed) => (
                  <tr key={feed.id}>
                    <td className="font-semibold">{feed.name}</td>
                    <td>
                      {feed.sourceName ? (
                        <>
                          {feed.sourceName} <span className="text-muted">({feed.sourceKind})</span>
                        </>
                      ) : (
                        <span className="text-warn">unknown</span>
                      )}
                    </td>
                    <td className={numericCell}>{feed.deviceCount}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
          {cabinet.feeds.length === 1 ? (
            <p className="mt-2 text-xs text-warn">One feed only: everything in this cabinet shares it.</p>
          ) : null}
          <p className="mt-2 text-xs text-muted">
            Devices: how many record drawing on the feed. Sleds draw on their chassis&apos; feeds.
          </p>
        </section>
      </div>
    </>
  );
}

function DeviceRows({ device }: { device: CabinetDevice }) {
  const units = device.uLow === device.uHigh ? `U${device.uLow}` : `U${device.uLow}–U${device.uHigh}`;
  return (
    <>
      <tr>
        <td className={`${numericCell} font-medium`}>{units}</td>
        <td className="whitespace-nowrap">
          {device.face}
          {device.fullDepth ? <span className="text-muted"> · full depth</span> : null}
        </td>
        <td className="font-mono text-[12.5px] font-medium whitespace-nowrap">{device.hostname}</td>
        <td>{device.modelName}</td>
        <td>{device.role || <span className="text-muted">—</span>}</td>
        <td>
          <DeviceStatusBadge status={device.status} />
        </td>
      </tr>
      {device.sleds.map((sled) => (
        <tr key={sled.id}>
          <td className={`${numericCell} text-muted`}>bay {sled.bay}</td>
          <td className="text-muted">in chassis</td>
          <td className="font-mono text-[12.5px] whitespace-nowrap">
            <span className="mr-1 text-muted" aria-hidden="true">
              └
            </span>
            {sled.hostname}
          </td>
          <td>{sled.modelName}</td>
          <td>{sled.role || <span className="text-muted">—</span>}</td>
          <td>
            <DeviceStatusBadge status={sled.status} />
          </td>
        </tr>
      ))}
    </>
  );
}
