import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { AuditTable } from "@/components/audit-table";
import { CabinetFindings } from "@/components/failure/findings-list";
import { cabinetDomainRef, whatIfHref } from "@/components/failure/links";
import { deviceHref } from "@/components/location-trail";
import { PrintButton } from "@/components/print-button";
import { CabinetElevations } from "@/components/rack-elevation/cabinet-elevations";
import { DeviceStatusBadge } from "@/components/ui/badge";
import { DataTable, numericCell } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatUtc, plural } from "@/components/ui/format";
import { Section } from "@/components/ui/section";
import { UsageBar } from "@/components/ui/usage-bar";
import { NewWorkOrderLink, SelectHostCheckbox, WorkOrderSelectionForm } from "@/components/work-orders/selection";
import { canEditInventory, canManageWorkOrders, canRead } from "@/lib/auth/permissions";
import { getViewer, requirePage } from "@/lib/auth/viewer";
import { listAudit } from "@/lib/db/audit";
import { getCabinet, type CabinetDetail, type CabinetDevice } from "@/lib/db/cabinets";
import { buildRackLayout, formatURange } from "@/lib/domain/rack-layout";

type Props = { params: Promise<{ id: string }> };

const HISTORY_ROWS = 25;

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

  const history = await listAudit({ objectType: "cabinet", objectId: String(cabinet.id), limit: HISTORY_ROWS });
  const canEdit = canEditInventory(await getViewer());
  const layout = buildRackLayout({ cabinet: { name: cabinet.name, heightU: cabinet.heightU }, devices: cabinet.elevation });
  const switches = cabinet.devices.filter((d) => d.modelKind === "switch");
  const free = cabinet.heightU - cabinet.uUsed;
  // editors send remote hands to the whole cabinet, or to the devices they tick
  const selectionForm = canManageWorkOrders(await getViewer()) && cabinet.devices.length > 0 ? "cabinet-work-order" : null;
  const everyHost = cabinet.devices.flatMap((d) => [d.hostname, ...d.sleds.map((s) => s.hostname)]);

  return (
    <div className="space-y-5 print:space-y-3">
      <header className="flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
        <div className="min-w-0">
          <nav aria-label="Breadcrumb" className="mb-1 text-xs text-muted print:hidden">
            <ol className="flex flex-wrap items-center gap-1">
              <Crumb href={`/sites/${cabinet.siteId}`} label={cabinet.siteName} />
              {cabinet.roomId !== null ? <Crumb href={`/rooms/${cabinet.roomId}`} label={cabinet.roomName ?? ""} /> : null}
            </ol>
          </nav>
          <h1 className="text-xl font-semibold tracking-tight">
            <span className="text-muted">{cabinet.siteName} /</span> {cabinet.name}
          </h1>
          <p className="mt-0.5 text-muted print:text-black">
            {[cabinet.roomName ?? "not in a room", `${cabinet.heightU} U`, plural(cabinet.deviceCount, "device")].join(" · ")}
            <span className="hidden print:inline"> · printed {formatUtc(new Date())}</span>
          </p>
        </div>
        <div className="flex items-end gap-4">
          <div className="w-56 text-xs text-muted print:hidden">
            <div className="mb-1 flex justify-between tabular-nums">
              <span>
                {cabinet.uUsed} / {cabinet.heightU} U used
              </span>
              <span>{free} free</span>
            </div>
            <UsageBar used={cabinet.uUsed} total={cabinet.heightU} />
          </div>
          <Link
            href={whatIfHref([cabinetDomainRef(cabinet.siteName, cabinet.name)])}
            className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2 print:hidden"
          >
            What if this fails?
          </Link>
          {selectionForm ? <NewWorkOrderLink hostnames={everyHost}>Work order for this cabinet</NewWorkOrderLink> : null}
          {canEdit ? (
            <>
              <Link href={`/devices/new?cabinet=${cabinet.id}`} className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2 print:hidden">
                New device here
              </Link>
              <Link href={`/cabinets/${cabinet.id}/edit`} className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2 print:hidden">
                Edit cabinet
              </Link>
            </>
          ) : null}
          <PrintButton label="Print cabinet sheet" />
        </div>
      </header>

      {cabinet.notes ? (
        <p className="rounded-md border border-line bg-surface px-3 py-2 whitespace-pre-line print:border-black">{cabinet.notes}</p>
      ) : null}

      <div className="grid grid-cols-1 items-start gap-x-6 gap-y-5 xl:grid-cols-[auto_minmax(0,1fr)] print:block">
        <Section
          id="elevation"
          title="Elevation"
          aside={<span className="print:hidden">hatched: full depth, mounted on the other face</span>}
          className="print:break-inside-avoid"
        >
          <div className="rounded-md border border-line bg-surface p-3 print:border-0 print:p-0">
            <CabinetElevations layout={layout} hrefForDevice={(d) => deviceHref(d.hostname)} />
          </div>
        </Section>

        <div className="min-w-0 space-y-5">
          <div className="grid grid-cols-1 items-start gap-5 md:grid-cols-2 print:hidden">
            <PowerFeeds cabinet={cabinet} />
            <Section id="switches" title="Top-of-rack switches">
              {switches.length === 0 ? (
                <p className="rounded-md border border-line bg-surface px-3 py-2 text-warn">No switch in this cabinet.</p>
              ) : (
                <ul className="divide-y divide-line rounded-md border border-line bg-surface">
                  {switches.map((sw) => (
                    <li key={sw.id} className="flex items-baseline justify-between gap-3 px-3 py-1.5">
                      <Link href={deviceHref(sw.hostname)} className="font-mono text-[13px] font-medium text-accent hover:underline">
                        {sw.hostname}
                      </Link>
                      <span className="text-xs text-muted tabular-nums">
                        {formatURange(sw.uLow, sw.uHigh)} · {sw.role || sw.modelName}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </div>

          <Section
            id="contents"
            title="Everything in this cabinet"
            aside={
              <span className="flex items-center gap-3 print:hidden">
                from the top; sleds under their chassis
                {selectionForm ? <WorkOrderSelectionForm id={selectionForm}>Work order for selected</WorkOrderSelectionForm> : null}
              </span>
            }
            className="print:mt-4 print:break-before-page"
          >
            {cabinet.devices.length === 0 ? (
              <EmptyState title="This cabinet is empty" />
            ) : (
              <DataTable label="Devices in this cabinet">
                <thead>
                  <tr>
                    {selectionForm ? (
                      <th scope="col" className="w-8 print:hidden">
                        <span className="sr-only">Select</span>
                      </th>
                    ) : null}
                    <th scope="col" className={numericCell}>
                      U / bay
                    </th>
                    <th scope="col">Hostname</th>
                    <th scope="col">Model</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                    <th scope="col">Service tag</th>
                    <th scope="col">Asset tag</th>
                  </tr>
                </thead>
                <tbody>
                  {cabinet.devices.map((device) => (
                    <DeviceRows key={device.id} device={device} selectionForm={selectionForm} />
                  ))}
                </tbody>
              </DataTable>
            )}
          </Section>

          <div className="print:hidden">
            <CabinetFindings cabinetId={cabinet.id} />
          </div>

          <Section
            id="history"
            title="History"
            className="print:hidden"
            aside={
              history.nextBefore ? (
                <Link href={`/audit?objectType=cabinet&objectId=${cabinet.id}`} className="text-accent hover:underline">
                  All changes in the audit log →
                </Link>
              ) : null
            }
          >
            {history.rows.length === 0 ? (
              <p className="rounded-md border border-line bg-surface px-3 py-2 text-muted">No changes recorded since this cabinet was loaded.</p>
            ) : (
              <AuditTable rows={history.rows} showObject={false} />
            )}
          </Section>
        </div>
      </div>
    </div>
  );
}

function Crumb({ href, label }: { href: string; label: string }) {
  return (
    <li className="flex items-center gap-1">
      <Link href={href} className="hover:text-fg hover:underline">
        {label}
      </Link>
      <span aria-hidden="true">/</span>
    </li>
  );
}

function PowerFeeds({ cabinet }: { cabinet: CabinetDetail }) {
  return (
    <Section id="power" title="Power feeds">
      {cabinet.feeds.length === 0 ? (
        <p className="rounded-md border border-line bg-surface px-3 py-2 text-warn">No power feeds recorded.</p>
      ) : (
        <DataTable label="Power feeds">
          <thead>
            <tr>
              <th scope="col">Feed</th>
              <th scope="col">Source</th>
              <th scope="col" className={numericCell}>
                Devices
              </th>
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
      {cabinet.feeds.length === 1 ? <p className="mt-1.5 text-xs text-warn">One feed only: everything in this cabinet shares it.</p> : null}
      <p className="mt-1.5 text-xs text-muted">Devices: how many record drawing on the feed. Sleds draw on their chassis&apos; feeds.</p>
    </Section>
  );
}

function SelectCell({ form, hostname }: { form: string | null; hostname: string }) {
  return form ? (
    <td className="print:hidden">
      <SelectHostCheckbox form={form} hostname={hostname} />
    </td>
  ) : null;
}

function DeviceRows({ device, selectionForm }: { device: CabinetDevice; selectionForm: string | null }) {
  return (
    <>
      <tr>
        <SelectCell form={selectionForm} hostname={device.hostname} />
        <td className={numericCell} title={device.fullDepth ? "full depth: blocks the front and the rear" : undefined}>
          <span className="font-medium">{formatURange(device.uLow, device.uHigh)}</span>
          {device.face ? <span className="text-muted"> {device.face}</span> : null}
        </td>
        <td className="font-mono text-[12.5px] font-medium whitespace-nowrap">
          <Link href={deviceHref(device.hostname)} className="text-accent hover:underline print:text-black">
            {device.hostname}
          </Link>
        </td>
        <td>{device.modelName}</td>
        <td>{device.role || <span className="text-muted">—</span>}</td>
        <td>
          <DeviceStatusBadge status={device.status} />
        </td>
        <td className="font-mono text-[12.5px]">{device.serial ?? <span className="text-muted">—</span>}</td>
        <td className="font-mono text-[12.5px]">{device.assetTag ?? <span className="text-muted">—</span>}</td>
      </tr>
      {device.sleds.map((sled) => (
        <tr key={sled.id}>
          <SelectCell form={selectionForm} hostname={sled.hostname} />
          <td className={`${numericCell} text-muted`}>bay {sled.bay ?? "?"}</td>
          <td className="font-mono text-[12.5px] whitespace-nowrap">
            <span className="mr-1 text-muted" aria-hidden="true">
              └
            </span>
            <Link href={deviceHref(sled.hostname)} className="text-accent hover:underline print:text-black">
              {sled.hostname}
            </Link>
          </td>
          <td>{sled.modelName}</td>
          <td>{sled.role || <span className="text-muted">—</span>}</td>
          <td>
            <DeviceStatusBadge status={sled.status} />
          </td>
          <td className="font-mono text-[12.5px]">{sled.serial ?? <span className="text-muted">—</span>}</td>
          <td className="font-mono text-[12.5px]">{sled.assetTag ?? <span className="text-muted">—</span>}</td>
        </tr>
      ))}
    </>
  );
}
