import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { cache, type ReactNode } from "react";
import { AuditTable } from "@/components/audit-table";
import { DeviceFindings } from "@/components/failure/findings-list";
import { deviceDomainRef, whatIfHref } from "@/components/failure/links";
import { deviceHref, LocationTrail } from "@/components/location-trail";
import { CabinetElevations } from "@/components/rack-elevation/cabinet-elevations";
import { ChassisFront } from "@/components/rack-elevation/chassis-front";
import { Badge, DeviceStatusBadge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { formatSpeed, plural } from "@/components/ui/format";
import { FactList, muted, Section } from "@/components/ui/section";
import { NewWorkOrderLink } from "@/components/work-orders/selection";
import { canEditInventory, canManageWorkOrders, canRead } from "@/lib/auth/permissions";
import { getViewer, requirePage } from "@/lib/auth/viewer";
import { listAudit } from "@/lib/db/audit";
import { getCabinetElevation } from "@/lib/db/cabinets";
import { getDeviceDetail, type DeviceDetail, type DeviceNic } from "@/lib/db/devices";
import { buildChassisLayout } from "@/lib/domain/chassis-layout";
import { buildRackLayout } from "@/lib/domain/rack-layout";
import { DisconnectForm } from "./nics/_cable/disconnect-form";

type Props = { params: Promise<{ hostname: string }> };

const HISTORY_ROWS = 25;

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

// generateMetadata and the page both need the device; one read per request, after the permission check
const loadDevice = cache(async (raw: string) => {
  await connection();
  const hostname = decodeParam(raw);
  await requirePage(canRead, deviceHref(hostname));
  return { hostname, device: hostname.length <= 253 ? await getDeviceDetail({ hostname }) : null };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { device } = await loadDevice((await params).hostname);
  return { title: device ? device.hostname : "Device not found" };
}

export default async function DevicePage({ params }: Props) {
  const { hostname, device } = await loadDevice((await params).hostname);
  if (!device) notFound();
  // hostnames are unique without regard to case; one address per device
  if (device.hostname !== hostname) redirect(deviceHref(device.hostname));

  const [elevation, history] = await Promise.all([
    device.place.cabinet ? getCabinetElevation({ id: device.place.cabinet.id }) : null,
    listAudit({ objectType: "device", objectId: String(device.id), limit: HISTORY_ROWS }),
  ]);
  const isSwitch = device.model.kind === "switch";

  return (
    <div className="space-y-4">
      <header className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
          <div className="min-w-0">
            <nav aria-label="Breadcrumb" className="mb-1 text-xs text-muted">
              <Link href="/devices" className="hover:text-fg hover:underline">
                Devices
              </Link>{" "}
              <span aria-hidden="true">/</span>
            </nav>
            <h1 className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xl font-semibold tracking-tight">
              <span className="font-mono">{device.hostname}</span>
              <DeviceStatusBadge status={device.status} />
            </h1>
            <p className="mt-0.5 text-muted">{modelLine(device)}</p>
          </div>
          <div className="flex flex-wrap items-end gap-3">
            {canEditInventory(await getViewer()) ? (
              <Link
                href={`${deviceHref(device.hostname)}/edit`}
                className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm outline-none hover:bg-surface-2 focus-visible:ring-2 focus-visible:ring-accent/50"
              >
                Edit or move
              </Link>
            ) : null}
            <Link href={whatIfHref([deviceDomainRef(device.hostname)])} className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2">
              What if this fails?
            </Link>
            {canManageWorkOrders(await getViewer()) ? <NewWorkOrderLink hostnames={[device.hostname]}>Add to work order</NewWorkOrderLink> : null}
            <KeyIds device={device} />
          </div>
        </div>
        <LocationTrail place={device.place} chassis={device.chassis} bay={device.chassis ? device.bay : undefined} />
      </header>

      <div className="grid grid-cols-1 items-start gap-x-6 gap-y-5 xl:grid-cols-[minmax(0,1fr)_auto]">
        <div className="min-w-0 space-y-5">
          <Section id="details" title="Details">
            <Details device={device} />
          </Section>
          {isSwitch ? <SwitchPorts device={device} /> : <Network device={device} canEdit={canEditInventory(await getViewer())} />}
          <Power device={device} />
          <Services device={device} />
          <DeviceFindings hostname={device.hostname} />
          <Section
            id="history"
            title="History"
            aside={
              history.nextBefore ? (
                <Link href={`/audit?objectType=device&objectId=${device.id}`} className="text-accent hover:underline">
                  All changes in the audit log →
                </Link>
              ) : null
            }
          >
            {history.rows.length === 0 ? (
              <p className="rounded-md border border-line bg-surface px-3 py-2 text-muted">
                No changes recorded since this device was loaded.
              </p>
            ) : (
              <AuditTable rows={history.rows} showObject={false} />
            )}
          </Section>
        </div>

        <aside aria-label="Drawings" className="space-y-5 xl:w-[38.5rem]">
          <ChassisDrawing device={device} />
          {elevation && device.place.cabinet ? (
            <Section
              id="elevation"
              title={
                <>
                  Cabinet{" "}
                  <Link href={`/cabinets/${device.place.cabinet.id}`} className="text-accent hover:underline">
                    {device.place.cabinet.name}
                  </Link>
                </>
              }
              aside={device.chassis ? `${device.chassis.hostname} highlighted` : "this device highlighted"}
            >
              <div className="rounded-md border border-line bg-surface p-3">
                <CabinetElevations
                  layout={buildRackLayout({
                    cabinet: { name: elevation.name, heightU: elevation.heightU },
                    devices: elevation.devices,
                    highlight: { deviceIds: [device.id] },
                  })}
                  hrefForDevice={(d) => deviceHref(d.hostname)}
                />
              </div>
            </Section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

// "Dell PowerEdge C6220 sled · redis", without saying the maker or the kind twice ("Generic Generic 1U switch")
function modelLine(device: DeviceDetail): string {
  const { manufacturer, name, kind } = device.model;
  const model = manufacturer && !name.toLowerCase().startsWith(manufacturer.toLowerCase()) ? `${manufacturer} ${name}` : name;
  const parts = [model];
  if (!name.toLowerCase().includes(kind)) parts.push(kind);
  if (device.role && device.role !== kind) parts.push(device.role);
  return parts.join(" · ");
}

function KeyIds({ device }: { device: DeviceDetail }) {
  const items: { label: string; value: string | null }[] = [
    { label: "Service tag", value: device.serial },
    { label: "Asset tag", value: device.assetTag },
  ];
  return (
    <dl className="flex gap-2">
      {items.map((item) => (
        <div key={item.label} className="rounded-md border border-line bg-surface px-3 py-1.5">
          <dt className="text-[11px] font-medium tracking-wide text-muted uppercase">{item.label}</dt>
          <dd className="font-mono text-[15px] font-semibold">{item.value ?? <span className="font-sans font-normal text-muted">none</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

function Details({ device }: { device: DeviceDetail }) {
  const oobNics = device.nics.filter((n) => n.kind === "oob");
  const facts: { label: string; value: ReactNode; wide?: boolean }[] = [
    { label: "Model", value: `${device.model.name}${device.model.heightU > 0 ? ` · ${device.model.heightU} U` : ""}` },
    { label: "Role", value: device.role || muted },
    { label: "Status", value: <DeviceStatusBadge status={device.status} /> },
    { label: "OS", value: device.os || muted },
    { label: "Primary IP", value: device.primaryIp ? <span className="font-mono">{device.primaryIp}</span> : muted },
    {
      label: "Out-of-band",
      value: device.oobIp ? (
        <span className="font-mono">{device.oobIp}</span>
      ) : device.model.kind === "chassis" ? (
        <span className="text-muted">none of its own; each sled has its own</span>
      ) : (
        <span className="text-warn">no address recorded</span>
      ),
    },
  ];
  for (const nic of oobNics) {
    facts.push({
      label: `OOB port ${nic.name}`,
      value: nic.cable ? (
        <FarEnd nic={nic} />
      ) : (
        <span className="text-warn">not cabled</span>
      ),
      wide: true,
    });
  }
  if (device.notes) facts.push({ label: "Notes", value: <span className="whitespace-pre-line">{device.notes}</span>, wide: true });
  return <FactList facts={facts} />;
}

function FarEnd({ nic }: { nic: DeviceNic }) {
  if (!nic.cable) return <span className="text-muted">not cabled</span>;
  const { peer, label } = nic.cable;
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2 font-mono text-[12.5px]">
      <Link href={deviceHref(peer.hostname)} className="font-medium text-accent hover:underline">
        {peer.hostname} {peer.nic}
      </Link>
      {label ? (
        <span className="text-muted" title="Cable label">
          cable {label}
        </span>
      ) : null}
    </span>
  );
}

const monoCell = "font-mono text-[12.5px] whitespace-nowrap";

function Network({ device, canEdit }: { device: DeviceDetail; canEdit: boolean }) {
  const bonds = device.nics.filter((n) => n.kind === "bond");
  const loose = device.nics.filter((n) => n.kind !== "bond" && n.bondId === null);
  const membersOf = (bondId: number) => device.nics.filter((n) => n.bondId === bondId);
  const cabled = device.nics.filter((n) => n.cable).length;
  return (
    <Section
      id="network"
      title="Network"
      aside={
        <>
          {plural(device.nics.length, "interface")}, {cabled} cabled
          {canEdit ? (
            <Link href={`${deviceHref(device.hostname)}/nics/new`} className="ml-3 text-accent hover:underline">
              Add interface
            </Link>
          ) : null}
        </>
      }
    >
      {device.nics.length === 0 ? (
        device.model.kind === "chassis" ? (
          <p className="rounded-md border border-line bg-surface px-3 py-2 text-muted">
            No interfaces on the chassis itself: its sleds are cabled one by one.
          </p>
        ) : (
          <p className="rounded-md border border-line bg-surface px-3 py-2 text-warn">No network interfaces recorded.</p>
        )
      ) : (
        <DataTable label="Network interfaces">
          <thead>
            <tr>
              <th scope="col">Interface</th>
              <th scope="col">Speed / mode</th>
              <th scope="col">Driver</th>
              <th scope="col">MAC / IP</th>
              <th scope="col">State</th>
              <th scope="col">Other end</th>
            </tr>
          </thead>
          <tbody>
            {bonds.map((bond) => {
              const members = membersOf(bond.id);
              return [
                <tr key={bond.id}>
                  <td className={`${monoCell} font-semibold`}>
                    {bond.name}
                    {canEdit ? <NicEditLink hostname={device.hostname} nic={bond} /> : null}
                  </td>
                  <td className="whitespace-nowrap">
                    {bond.bondMode ?? <span className="text-muted">mode?</span>}
                    <span className="text-muted"> · {plural(members.length, "member")}</span>
                  </td>
                  <td className="text-muted">—</td>
                  <td className={monoCell}>{bond.ip ?? <span className="text-muted">—</span>}</td>
                  <td>
                    <EnabledBadge enabled={bond.enabled} />
                  </td>
                  <td />
                </tr>,
                ...members.map((nic) => <NicRow key={nic.id} nic={nic} member edit={canEdit ? device.hostname : null} />),
              ];
            })}
            {loose.map((nic) => (
              <NicRow key={nic.id} nic={nic} edit={canEdit ? device.hostname : null} />
            ))}
          </tbody>
        </DataTable>
      )}
    </Section>
  );
}

function NicEditLink({ hostname, nic }: { hostname: string; nic: DeviceNic }) {
  return (
    <Link href={`${deviceHref(hostname)}/nics/${nic.id}/edit`} aria-label={`Edit ${nic.name}`} className="ml-2 font-sans text-xs font-normal text-accent hover:underline">
      edit
    </Link>
  );
}

// `edit`: the device's hostname when the viewer may edit its interfaces
function NicRow({ nic, member = false, edit = null }: { nic: DeviceNic; member?: boolean; edit?: string | null }) {
  return (
    <tr>
      <td className={monoCell}>
        {member ? (
          <span className="mr-1 text-muted" aria-hidden="true">
            └
          </span>
        ) : null}
        {nic.name}
        {nic.kind === "oob" ? <span className="ml-1.5 font-sans text-xs text-muted">OOB</span> : null}
        {edit ? <NicEditLink hostname={edit} nic={nic} /> : null}
      </td>
      <td className="whitespace-nowrap">{formatSpeed(nic.speedMbps)}</td>
      <td className={monoCell}>{nic.driver ?? <span className="text-muted">—</span>}</td>
      <td className={monoCell}>
        {nic.mac ?? <span className="text-muted">—</span>}
        {nic.ip ? <span className="block">{nic.ip}</span> : null}
      </td>
      <td>
        <EnabledBadge enabled={nic.enabled} />
      </td>
      <td>
        <FarEnd nic={nic} />
        {edit && nic.cable ? (
          <DisconnectForm nicId={nic.id} cableId={nic.cable.id} question={`Disconnect ${edit} ${nic.name} from ${nic.cable.peer.hostname} ${nic.cable.peer.nic}?`} />
        ) : null}
        {edit && !nic.cable && nic.kind !== "bond" ? (
          <Link href={`${deviceHref(edit)}/nics/${nic.id}/connect`} aria-label={`Connect ${nic.name}`} className="ml-2 text-xs text-accent hover:underline">
            connect
          </Link>
        ) : null}
      </td>
    </tr>
  );
}

function EnabledBadge({ enabled }: { enabled: boolean }) {
  return enabled ? <span className="text-ok">enabled</span> : <Badge tone="danger">disabled</Badge>;
}

function SwitchPorts({ device }: { device: DeviceDetail }) {
  const ports = device.nics.filter((n) => n.kind !== "bond");
  const used = ports.filter((n) => n.cable).length;
  return (
    <Section id="ports" title="Ports" aside={`${plural(ports.length, "port")} recorded, ${used} cabled`}>
      {ports.length === 0 ? (
        <p className="rounded-md border border-line bg-surface px-3 py-2 text-muted">No ports recorded on this switch.</p>
      ) : (
        <DataTable label="Switch ports">
          <thead>
            <tr>
              <th scope="col">Port</th>
              <th scope="col">Speed</th>
              <th scope="col">State</th>
              <th scope="col">Device</th>
              <th scope="col">Its interface</th>
              <th scope="col">Cable label</th>
            </tr>
          </thead>
          <tbody>
            {ports.map((port) => (
              <tr key={port.id}>
                <td className={`${monoCell} font-semibold`}>
                  {port.name}
                  {port.kind === "oob" ? <span className="ml-1.5 font-sans text-xs font-normal text-muted">management</span> : null}
                </td>
                <td className="whitespace-nowrap">{formatSpeed(port.speedMbps)}</td>
                <td>
                  <EnabledBadge enabled={port.enabled} />
                </td>
                <td className={monoCell}>
                  {port.cable ? (
                    <Link href={deviceHref(port.cable.peer.hostname)} className="font-medium text-accent hover:underline">
                      {port.cable.peer.hostname}
                    </Link>
                  ) : (
                    <span className="font-sans text-muted">empty</span>
                  )}
                </td>
                <td className={monoCell}>{port.cable?.peer.nic ?? <span className="text-muted">—</span>}</td>
                <td className={monoCell}>{port.cable?.label ?? <span className="text-muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Section>
  );
}

function Power({ device }: { device: DeviceDetail }) {
  const { power } = device;
  const sources = new Set(power.feeds.map((f) => f.source ?? `?${f.id}`));
  return (
    <Section
      id="power"
      title="Power"
      aside={power.feeds.length > 0 ? `${plural(power.feeds.length, "feed")} from ${plural(sources.size, "source")}` : null}
    >
      {power.via ? (
        <p className="mb-1.5 text-[13px] text-muted">
          A sled shares its chassis&apos; power: these are the feeds of{" "}
          <Link href={deviceHref(power.via)} className="font-mono text-accent hover:underline">
            {power.via}
          </Link>
          .
        </p>
      ) : null}
      {power.assumed ? (
        <p className="mb-1.5 text-[13px] text-warn">
          No power recorded{power.via ? " for the chassis" : ""}: assumed to draw on every feed of its cabinet.
        </p>
      ) : null}
      {power.feeds.length === 0 ? (
        <p className="rounded-md border border-line bg-surface px-3 py-2 text-muted">
          {device.placement === "unplaced" ? "Not placed, so not powered." : "No power feeds recorded for its cabinet."}
        </p>
      ) : (
        <DataTable label="Power feeds">
          <thead>
            <tr>
              <th scope="col">Feed</th>
              <th scope="col">Cabinet</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {power.feeds.map((feed) => (
              <tr key={feed.id}>
                <td className="font-semibold">{feed.name}</td>
                <td>{feed.cabinet}</td>
                <td>
                  {feed.source ? (
                    <>
                      {feed.source} <span className="text-muted">({feed.sourceKind})</span>
                    </>
                  ) : (
                    <span className="text-warn">unknown</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Section>
  );
}

function Services({ device }: { device: DeviceDetail }) {
  return (
    <Section id="services" title="Services">
      {device.services.length === 0 ? (
        <p className="rounded-md border border-line bg-surface px-3 py-2 text-muted">Not a member of any service.</p>
      ) : (
        <DataTable label="Services">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Role</th>
              <th scope="col">Needs up</th>
            </tr>
          </thead>
          <tbody>
            {device.services.map((service) => (
              <tr key={service.id}>
                <td className="font-semibold">
                  <Link href={`/services/${encodeURIComponent(service.name)}`} className="text-accent hover:underline">
                    {service.name}
                  </Link>
                </td>
                <td>{service.role || <span className="text-muted">—</span>}</td>
                <td className="text-muted tabular-nums">at least {service.minUp}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Section>
  );
}

// A sled is drawn in its chassis; a chassis is drawn with its sleds.
function ChassisDrawing({ device }: { device: DeviceDetail }) {
  const chassis = device.chassis
    ? { ...device.chassis, highlight: [device.id] }
    : device.model.bays > 0 || device.sleds.length > 0
      ? {
          hostname: device.hostname,
          modelName: device.model.name,
          heightU: device.model.heightU,
          bays: device.model.bays,
          bayColumns: device.model.bayColumns,
          bayRows: device.model.bayRows,
          sleds: device.sleds,
          highlight: [],
        }
      : null;
  if (!chassis) return null;
  const layout = buildChassisLayout({
    bays: chassis.bays,
    bayColumns: chassis.bayColumns,
    bayRows: chassis.bayRows,
    sleds: chassis.sleds,
    highlightDeviceIds: chassis.highlight,
    hostname: chassis.hostname,
  });
  return (
    <Section
      id="chassis"
      title={
        device.chassis ? (
          <>
            In chassis{" "}
            <Link href={deviceHref(chassis.hostname)} className="font-mono text-accent hover:underline">
              {chassis.hostname}
            </Link>
            , bay {device.bay ?? "?"}
          </>
        ) : (
          "Bays"
        )
      }
      aside={`front · ${layout.columns}×${layout.rows} · ${layout.cells.filter((c) => c.sled).length} of ${layout.bays} bays filled`}
    >
      <div className="rounded-md border border-line bg-surface p-3">
        <ChassisFront
          layout={layout}
          hostname={chassis.hostname}
          modelName={chassis.modelName}
          heightU={chassis.heightU}
          hrefForDevice={(d) => deviceHref(d.hostname)}
        />
        {layout.problems.length > 0 ? (
          <ul className="mt-2 list-disc pl-5 text-[13px] text-warn">
            {layout.problems.map((p) => (
              <li key={p.deviceId}>{p.message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </Section>
  );
}
