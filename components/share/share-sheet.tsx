// The remote-hands technician's work order: everything on a phone screen or one printed sheet per
// cabinet. Plain components without state or hooks: app/share/[token]/route.tsx renders them to static
// HTML, so the page works without JavaScript and ships none.
import { ChassisFront } from "@/components/rack-elevation/chassis-front";
import { RackElevation } from "@/components/rack-elevation/rack-elevation";
import type { CabinetElevation } from "@/lib/db/cabinets";
import type { SharedWorkOrder, ShareItem } from "@/lib/db/share-links";
import { buildChassisLayout } from "@/lib/domain/chassis-layout";
import { buildRackLayout } from "@/lib/domain/rack-layout";

const ACTION_LABELS: Record<ShareItem["action"], string> = {
  power_cycle: "Power-cycle",
  inspect: "Inspect",
  reseat_cable: "Reseat cable",
  replace_part: "Replace part",
  other: "Other",
};

const STATUS_LABELS: Record<ShareItem["status"], string> = { pending: "To do", done: "Done", not_possible: "Not possible" };

function Shell({ children }: { children: React.ReactNode }) {
  return <main className="mx-auto max-w-3xl space-y-4 px-3 py-4 text-[15px] print:max-w-none print:p-0">{children}</main>;
}

function where(item: ShareItem): string {
  const parts = [item.room, item.cabinet ? `cabinet ${item.cabinet.name}` : null].filter((p): p is string => !!p);
  if (item.uLow !== null) parts.push(item.uHigh !== null && item.uHigh !== item.uLow ? `U${item.uLow}–${item.uHigh}` : `U${item.uLow}`);
  if (item.face) parts.push(item.face);
  return parts.length ? parts.join(" · ") : "not placed";
}

function ItemCard({ item, index, token, elevation }: { item: ShareItem; index: number; token: string; elevation: CabinetElevation | undefined }) {
  const chassisDevice = item.chassisId !== null ? elevation?.devices.find((d) => d.id === item.chassisId) : undefined;
  const action = `/share/${encodeURIComponent(token)}/items/${item.id}`;
  return (
    <article id={`item-${item.id}`} className="space-y-3 rounded-md border border-line bg-surface p-3 print:break-inside-avoid print:border-black" data-testid="share-item">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-mono text-lg font-semibold">
          {index}. {item.hostname}
        </h3>
        <span className="rounded border border-line px-2 py-0.5 text-sm font-medium" data-testid="item-status">
          {STATUS_LABELS[item.status]}
        </span>
      </header>
      <p className="text-base font-semibold">
        {ACTION_LABELS[item.action]}
        {item.note ? <span className="font-normal"> — {item.note}</span> : null}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
        <dt className="text-muted">Where</dt>
        <dd>{where(item)}</dd>
        {item.chassis ? (
          <>
            <dt className="text-muted">Chassis</dt>
            <dd>
              <span className="font-mono">{item.chassis}</span>, bay {item.bay ?? "?"}
            </dd>
          </>
        ) : null}
        <dt className="text-muted">Model</dt>
        <dd>{item.modelName}</dd>
        <dt className="text-muted">Service tag</dt>
        <dd className="font-mono">{item.serial ?? "—"}</dd>
        <dt className="text-muted">Asset tag</dt>
        <dd className="font-mono">{item.assetTag ?? "—"}</dd>
        {item.cables.length ? (
          <>
            <dt className="text-muted">Cables</dt>
            <dd>
              <ul>
                {item.cables.map((c) => (
                  <li key={c.nic}>
                    <span className="font-mono">{c.nic}</span>
                    {c.label ? <> — label <span className="font-mono">{c.label}</span></> : null}
                    {c.peer ? <> → <span className="font-mono">{c.peer}</span></> : null}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {item.resultNote ? <p className="text-sm">Result note: {item.resultNote}</p> : null}
      <div className="flex flex-wrap items-start gap-3">
        {chassisDevice ? (
          <ChassisFront
            className="w-full max-w-md"
            hostname={chassisDevice.hostname}
            modelName={chassisDevice.modelName}
            heightU={chassisDevice.uHeight}
            layout={buildChassisLayout({
              bays: chassisDevice.bays,
              bayColumns: chassisDevice.bayColumns,
              bayRows: chassisDevice.bayRows,
              sleds: chassisDevice.sleds ?? [],
              highlightDeviceIds: [item.deviceId],
              hostname: chassisDevice.hostname,
            })}
          />
        ) : null}
        {elevation ? (
          <RackElevation
            compact
            className="w-56 max-w-full"
            face={item.face ?? "front"}
            label={`Cabinet ${elevation.name}, ${item.face ?? "front"}, ${item.hostname} highlighted`}
            layout={buildRackLayout({
              cabinet: { name: elevation.name, heightU: elevation.heightU },
              devices: elevation.devices,
              highlight: { deviceIds: [item.deviceId] },
            })}
          />
        ) : null}
      </div>
      <form method="post" action={action} className="space-y-2 print:hidden">
        <label className="block text-sm">
          <span className="text-muted">Note</span>
          <textarea name="note" rows={2} maxLength={2000} defaultValue={item.resultNote} className="mt-1 block w-full rounded border border-line bg-canvas p-2" />
        </label>
        <div className="flex gap-2">
          <button type="submit" name="status" value="done" className="rounded bg-emerald-700 px-4 py-2 font-medium text-white">
            Done
          </button>
          <button type="submit" name="status" value="not_possible" className="rounded bg-rose-700 px-4 py-2 font-medium text-white">
            Not possible
          </button>
        </div>
      </form>
    </article>
  );
}

/** The whole page body for one open link: the order, each site's address and access notes, then one group
 * (and one printed sheet) per cabinet in walking order. */
export function ShareSheet({ shared, token, elevations }: { shared: SharedWorkOrder; token: string; elevations: Map<number, CabinetElevation> }) {
  const groups: { key: string; title: string; items: ShareItem[] }[] = [];
  for (const item of shared.items) {
    const key = item.cabinet ? `c${item.cabinet.id}` : "none";
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.items.push(item);
    else groups.push({ key, title: item.cabinet ? [item.site, item.room, `cabinet ${item.cabinet.name}`].filter(Boolean).join(" · ") : "Not placed", items: [item] });
  }
  const done = shared.items.filter((i) => i.status !== "pending").length;
  let n = 0;
  return (
    <Shell>
      <header className="space-y-1">
        <p className="text-sm text-muted">Rackmap work order #{shared.workOrder.id}</p>
        <h1 className="text-xl font-semibold">{shared.workOrder.title}</h1>
        <p className="text-sm text-muted">
          {shared.items.length} items, {done} marked · link valid until {shared.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC
        </p>
      </header>
      {shared.workOrder.instructions ? <p className="whitespace-pre-line rounded border border-line p-3">{shared.workOrder.instructions}</p> : null}
      {shared.sites.map((site) => (
        <section key={site.name} className="rounded border border-line p-3 text-sm">
          <h2 className="font-semibold">Site {site.name}</h2>
          {site.address ? <p className="whitespace-pre-line">{site.address}</p> : null}
          {site.accessNotes ? <p className="whitespace-pre-line">Access: {site.accessNotes}</p> : null}
          {site.remoteHandsPhone || site.remoteHandsEmail ? (
            <p>
              Remote hands: {site.remoteHandsPhone ? <a href={`tel:${site.remoteHandsPhone}`}>{site.remoteHandsPhone}</a> : null}
              {site.remoteHandsPhone && site.remoteHandsEmail ? " · " : null}
              {site.remoteHandsEmail ? <a href={`mailto:${site.remoteHandsEmail}`}>{site.remoteHandsEmail}</a> : null}
            </p>
          ) : null}
        </section>
      ))}
      {groups.map((group, gi) => (
        <section key={group.key} className={`space-y-3 ${gi > 0 ? "print:break-before-page" : ""}`}>
          <h2 className="text-lg font-semibold">{group.title}</h2>
          {group.items.map((item) => (
            <ItemCard key={item.id} item={item} index={++n} token={token} elevation={item.cabinet ? elevations.get(item.cabinet.id) : undefined} />
          ))}
        </section>
      ))}
    </Shell>
  );
}
