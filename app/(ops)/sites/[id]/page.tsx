import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { CabinetGrid } from "@/components/cabinet-grid";
import { plural } from "@/components/ui/format";
import { Section } from "@/components/ui/section";
import { canEditInventory, canRead } from "@/lib/auth/permissions";
import { getViewer, requirePage } from "@/lib/auth/viewer";
import type { CabinetRow } from "@/lib/db/cabinets";
import { getSite, type SiteDetail } from "@/lib/db/sites";

type Props = { params: Promise<{ id: string }> };

const loadSite = cache(async (rawId: string) => {
  await connection();
  await requirePage(canRead, `/sites/${rawId}`);
  if (!/^\d{1,9}$/.test(rawId)) return null;
  return getSite({ id: Number(rawId) });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const site = await loadSite((await params).id);
  return { title: site ? `Site ${site.name}` : "Site not found" };
}

export default async function SitePage({ params }: Props) {
  const site = await loadSite((await params).id);
  if (!site) notFound();
  const cabinetCount = site.rooms.reduce((n, r) => n + r.cabinets.length, 0) + site.cabinetsWithoutRoom.length;

  return (
    <div className="space-y-5">
      <header>
        <nav aria-label="Breadcrumb" className="mb-1 text-xs text-muted">
          <Link href="/sites" className="hover:text-fg hover:underline">
            Sites
          </Link>{" "}
          <span aria-hidden="true">/</span>
        </nav>
        <h1 className="text-xl font-semibold tracking-tight">{site.name}</h1>
        <p className="mt-0.5 text-muted">
          {plural(site.rooms.length, "room")} · {plural(cabinetCount, "cabinet")} · {plural(site.deviceCount, "device")} racked
        </p>
        {canEditInventory(await getViewer()) ? (
          <div className="mt-2 flex gap-2">
            <Link href={`/sites/${site.id}/edit`} className="inline-block rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2">
              Edit site
            </Link>
            <Link href={`/rooms/new?site=${site.id}`} className="inline-block rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2">
              New room
            </Link>
          </div>
        ) : null}
      </header>

      <SiteContact site={site} />

      {site.rooms.map((room) => (
        <Section
          key={room.id}
          id={`room-${room.id}`}
          title={
            <Link href={`/rooms/${room.id}`} className="text-accent hover:underline">
              {room.name}
            </Link>
          }
          aside={<RoomSummary cabinets={room.cabinets} />}
        >
          {room.notes ? <p className="mb-2 text-[13px] text-muted">{room.notes}</p> : null}
          {room.cabinets.length === 0 ? (
            <p className="rounded-md border border-line bg-surface px-3 py-2 text-muted">No cabinets in this room yet.</p>
          ) : (
            <CabinetGrid cabinets={room.cabinets} label={`Cabinets in ${room.name}`} />
          )}
        </Section>
      ))}
      {site.cabinetsWithoutRoom.length > 0 ? (
        <Section id="no-room" title="Not in a room" aside={<RoomSummary cabinets={site.cabinetsWithoutRoom} />}>
          <CabinetGrid cabinets={site.cabinetsWithoutRoom} label="Cabinets not in a room" />
        </Section>
      ) : null}
      {site.rooms.length === 0 && site.cabinetsWithoutRoom.length === 0 ? (
        <p className="rounded-md border border-line bg-surface px-3 py-2 text-muted">No rooms or cabinets at this site yet.</p>
      ) : null}
    </div>
  );
}

function RoomSummary({ cabinets }: { cabinets: CabinetRow[] }) {
  const used = cabinets.reduce((n, c) => n + c.uUsed, 0);
  const total = cabinets.reduce((n, c) => n + c.heightU, 0);
  const devices = cabinets.reduce((n, c) => n + c.deviceCount, 0);
  return (
    <span className="tabular-nums">
      {plural(cabinets.length, "cabinet")} · {plural(devices, "device")} · {used} / {total} U used
    </span>
  );
}

// What a visitor or the remote-hands desk needs: where, whom to call, how to get in.
function SiteContact({ site }: { site: SiteDetail }) {
  const phone = site.remoteHandsPhone;
  return (
    <div className="grid grid-cols-1 gap-px overflow-hidden rounded-md border border-line bg-line md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,2fr)]">
      <div className="bg-surface px-3 py-2">
        <h2 className="text-[11px] font-medium tracking-wide text-muted uppercase">Address</h2>
        <p className="mt-0.5 whitespace-pre-line">{site.address || <span className="text-warn">No address recorded</span>}</p>
      </div>
      <div className="bg-surface px-3 py-2">
        <h2 className="text-[11px] font-medium tracking-wide text-muted uppercase">Remote hands</h2>
        {phone || site.remoteHandsEmail ? (
          <p className="mt-0.5 flex flex-col">
            {phone ? (
              <a href={`tel:${phone.replace(/[^\d+]/g, "")}`} className="font-medium tabular-nums hover:underline">
                {phone}
              </a>
            ) : null}
            {site.remoteHandsEmail ? (
              <a href={`mailto:${site.remoteHandsEmail}`} className="text-accent hover:underline">
                {site.remoteHandsEmail}
              </a>
            ) : null}
          </p>
        ) : (
          <p className="mt-0.5 text-warn">No contact recorded</p>
        )}
      </div>
      <div className="bg-surface px-3 py-2">
        <h2 className="text-[11px] font-medium tracking-wide text-muted uppercase">Access notes</h2>
        {site.accessNotes ? (
          <ul className="mt-0.5 list-disc space-y-0.5 pl-4 text-[13px]">
            {site.accessNotes.split("\n").filter((line) => line.trim()).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : (
          <p className="mt-0.5 text-muted">None recorded</p>
        )}
      </div>
    </div>
  );
}
