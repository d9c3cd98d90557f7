import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CabinetGrid } from "@/components/cabinet-grid";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber, plural } from "@/components/ui/format";
import type { CabinetRow } from "@/lib/db/cabinets";
import { getTotals, listSitesWithRoomsAndCabinets, type SiteOverview, type Totals } from "@/lib/db/sites";
import { canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";

// the root layout's title template only reaches child segments, not this page beside it
export const metadata: Metadata = { title: { absolute: "Overview · Rackmap" } };

export default async function HomePage() {
  await connection();
  await requirePage(canRead, "/");
  const [totals, sites] = await Promise.all([getTotals(), listSitesWithRoomsAndCabinets()]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-lg font-semibold tracking-tight">Overview</h1>
        <TotalsBar totals={totals} />
      </div>
      {sites.length === 0 ? (
        <EmptyState title="No sites yet">
          <p>
            Import cabinets as CSV (see <Link href="/import" className="text-accent underline">Import</Link>) or
            generate a demo datacenter with <code className="rounded bg-surface-2 px-1 py-0.5 whitespace-nowrap">npm run cli -- generate</code>.
          </p>
        </EmptyState>
      ) : (
        sites.map((site) => <SiteSection key={site.id} site={site} />)
      )}
    </div>
  );
}

function TotalsBar({ totals }: { totals: Totals }) {
  const items: { label: string; value: number; href: string }[] = [
    { label: "Sites", value: totals.sites, href: "/sites" },
    { label: "Rooms", value: totals.rooms, href: "/sites" },
    { label: "Cabinets", value: totals.cabinets, href: "/cabinets" },
    { label: "Devices", value: totals.devices, href: "/devices" },
    { label: "Services", value: totals.services, href: "/services" },
  ];
  return (
    <ul aria-label="Totals" className="flex flex-wrap gap-2">
      {items.map((item) => (
        <li key={item.label}>
          <Link
            href={item.href}
            className="block min-w-24 rounded-md border border-line bg-surface px-3.5 py-2 hover:border-accent"
          >
            <span className="block text-xs text-muted">{item.label}</span>
            <span className="block text-xl font-semibold tabular-nums">{formatNumber(item.value)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function SiteSection({ site }: { site: SiteOverview }) {
  const cabinetCount = site.rooms.reduce((n, r) => n + r.cabinets.length, 0) + site.cabinetsWithoutRoom.length;
  const headingId = `site-${site.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-line bg-surface">
      <header className="flex flex-wrap items-start justify-between gap-x-8 gap-y-2 border-b border-line px-4 py-3">
        <div>
          <h2 id={headingId} className="text-base font-semibold">
            <Link href={`/sites/${site.id}`} className="hover:text-accent hover:underline">
              {site.name}
            </Link>
          </h2>
          <p className="text-muted">
            {site.address || "No address recorded"}
            <span className="mx-1.5" aria-hidden="true">
              ·
            </span>
            {plural(site.rooms.length, "room")}, {plural(cabinetCount, "cabinet")}
          </p>
        </div>
        <RemoteHands site={site} />
      </header>
      <div className="space-y-5 px-4 py-4">
        {site.rooms.map((room) => (
          <RoomCabinets key={room.id} title={room.name} href={`/rooms/${room.id}`} cabinets={room.cabinets} />
        ))}
        {site.cabinetsWithoutRoom.length > 0 ? (
          <RoomCabinets title="Not in a room" cabinets={site.cabinetsWithoutRoom} />
        ) : null}
        {site.rooms.length === 0 && site.cabinetsWithoutRoom.length === 0 ? (
          <p className="text-muted">No rooms or cabinets at this site yet.</p>
        ) : null}
      </div>
    </section>
  );
}

function RemoteHands({ site }: { site: SiteOverview }) {
  const hasContact = site.remoteHandsPhone || site.remoteHandsEmail;
  return (
    <div className="text-[13px] sm:text-right">
      <p className="text-xs font-medium text-muted">Remote hands</p>
      {hasContact ? (
        <p className="flex flex-wrap gap-x-3 sm:justify-end">
          {site.remoteHandsPhone ? (
            <a href={`tel:${site.remoteHandsPhone.replace(/[^\d+]/g, "")}`} className="tabular-nums hover:underline">
              {site.remoteHandsPhone}
            </a>
          ) : null}
          {site.remoteHandsEmail ? (
            <a href={`mailto:${site.remoteHandsEmail}`} className="text-accent hover:underline">
              {site.remoteHandsEmail}
            </a>
          ) : null}
        </p>
      ) : (
        <p className="text-warn">No contact recorded</p>
      )}
    </div>
  );
}

// A room's cabinet cards on the overview; past this many (a large hall) the page would weigh
// megabytes, and the room page draws them better.
const GRID_LIMIT = 120;

function RoomCabinets({ title, href, cabinets }: { title: string; href?: string; cabinets: CabinetRow[] }) {
  const devices = cabinets.reduce((n, c) => n + c.deviceCount, 0);
  return (
    <div>
      <h3 className="mb-2 flex items-baseline gap-2 text-sm font-semibold">
        {href ? (
          <Link href={href} className="hover:text-accent hover:underline">
            {title}
          </Link>
        ) : (
          title
        )}
        <span className="text-xs font-normal text-muted tabular-nums">
          {plural(cabinets.length, "cabinet")} · {plural(devices, "device")}
        </span>
      </h3>
      {cabinets.length === 0 ? (
        <p className="text-muted">No cabinets in this room yet.</p>
      ) : cabinets.length > GRID_LIMIT ? (
        <p className="text-muted">
          Too many cabinets to draw on the overview:{" "}
          {href ? (
            <Link href={href} className="text-accent underline">
              open {title}
            </Link>
          ) : null}
          {href ? " for its floor plan, or " : null}
          <Link href="/cabinets" className="text-accent underline">
            list the cabinets
          </Link>
          .
        </p>
      ) : (
        <CabinetGrid cabinets={cabinets} />
      )}
    </div>
  );
}
