import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { CabinetGrid } from "@/components/cabinet-grid";
import { RowCabinet } from "@/components/row-cabinet";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber, plural } from "@/components/ui/format";
import { Section } from "@/components/ui/section";
import { UsageBar } from "@/components/ui/usage-bar";
import { canEditInventory, canRead } from "@/lib/auth/permissions";
import { getViewer, requirePage } from "@/lib/auth/viewer";
import { listCabinetElevations } from "@/lib/db/cabinets";
import { getRoom } from "@/lib/db/rooms";
import type { RackFace } from "@/lib/domain/rack-layout";
import { loadRowCabinet } from "./actions";
import { LazyRowCabinet } from "./lazy-row-cabinet";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Drawn into the first answer; the rest of the row is drawn as it scrolls into view, so a room of 60 cabinets
// costs the same first byte as a room of six.
const SERVER_DRAWN = 6;

const loadRoom = cache(async (rawId: string) => {
  await connection();
  await requirePage(canRead, `/rooms/${rawId}`);
  if (!/^\d{1,9}$/.test(rawId)) return null;
  return getRoom({ id: Number(rawId) });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const room = await loadRoom((await params).id);
  return { title: room ? `${room.site.name} ${room.name}` : "Room not found" };
}

export default async function RoomPage({ params, searchParams }: Props) {
  const room = await loadRoom((await params).id);
  if (!room) notFound();
  const face: RackFace = (await searchParams).face === "rear" ? "rear" : "front";

  const drawn = await listCabinetElevations({ cabinetIds: room.cabinets.slice(0, SERVER_DRAWN).map((c) => c.id) });
  const drawnById = new Map(drawn.map((e) => [e.id, e]));
  const usedU = room.cabinets.reduce((n, c) => n + c.uUsed, 0);
  const totalU = room.cabinets.reduce((n, c) => n + c.heightU, 0);
  const devices = room.cabinets.reduce((n, c) => n + c.deviceCount, 0);

  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
        <div className="min-w-0">
          <nav aria-label="Breadcrumb" className="mb-1 text-xs text-muted">
            <ol className="flex flex-wrap items-center gap-1">
              <li className="flex items-center gap-1">
                <Link href="/sites" className="hover:text-fg hover:underline">
                  Sites
                </Link>
                <span aria-hidden="true">/</span>
              </li>
              <li className="flex items-center gap-1">
                <Link href={`/sites/${room.site.id}`} className="hover:text-fg hover:underline">
                  {room.site.name}
                </Link>
                <span aria-hidden="true">/</span>
              </li>
            </ol>
          </nav>
          <h1 className="text-xl font-semibold tracking-tight">
            <span className="text-muted">{room.site.name} /</span> {room.name}
          </h1>
          <p className="mt-0.5 text-muted">
            {plural(room.cabinets.length, "cabinet")} · {plural(devices, "device")}
          </p>
        </div>
        {canEditInventory(await getViewer()) ? (
          <div className="flex gap-2">
            <Link href={`/rooms/${room.id}/edit`} className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2">
              Edit room
            </Link>
            <Link href={`/cabinets/new?room=${room.id}`} className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2">
              New cabinet here
            </Link>
          </div>
        ) : null}
        {totalU > 0 ? (
          <div className="w-56 text-xs text-muted">
            <div className="mb-1 flex justify-between tabular-nums">
              <span>
                {formatNumber(usedU)} / {formatNumber(totalU)} U used
              </span>
              <span>{formatNumber(totalU - usedU)} free</span>
            </div>
            <UsageBar used={usedU} total={totalU} />
          </div>
        ) : null}
      </header>

      {room.notes ? <p className="rounded-md border border-line bg-surface px-3 py-2 whitespace-pre-line">{room.notes}</p> : null}

      {room.cabinets.length === 0 ? (
        <EmptyState title="No cabinets in this room yet">
          <p>Cabinets are loaded from a cabinets CSV with this room in their room column (see Import).</p>
        </EmptyState>
      ) : (
        <>
          <Section id="cabinets" title="Cabinets" aside="fill level: units used on either face">
            <CabinetGrid cabinets={room.cabinets} label={`Cabinets in ${room.name}`} />
          </Section>

          <Section
            id="row"
            title="Row view"
            aside={
              <span className="flex items-center gap-3">
                <span>left to right, facing the {face === "front" ? "cold aisle (fronts)" : "hot aisle (rears)"}</span>
                <FaceSwitch roomId={room.id} face={face} />
              </span>
            }
          >
            <ul aria-label={`${room.name} row, ${face}`} className="flex flex-wrap items-start gap-x-4 gap-y-5 rounded-md border border-line bg-surface p-3">
              {room.cabinets.map((cabinet) => {
                const elevation = drawnById.get(cabinet.id);
                return (
                  <li key={`${cabinet.id}-${face}`}>
                    {elevation ? (
                      <RowCabinet elevation={elevation} face={face} />
                    ) : (
                      <LazyRowCabinet
                        cabinet={{ id: cabinet.id, name: cabinet.name, heightU: cabinet.heightU, uUsed: cabinet.uUsed }}
                        face={face}
                        load={loadRowCabinet}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          </Section>
        </>
      )}
    </div>
  );
}

function FaceSwitch({ roomId, face }: { roomId: number; face: RackFace }) {
  const options: { value: RackFace; label: string }[] = [
    { value: "front", label: "Front" },
    { value: "rear", label: "Rear" },
  ];
  return (
    <span role="group" aria-label="Face" className="inline-flex overflow-hidden rounded border border-line-strong">
      {options.map((option) => (
        <Link
          key={option.value}
          href={option.value === "front" ? `/rooms/${roomId}#row` : `/rooms/${roomId}?face=rear#row`}
          aria-current={option.value === face ? "true" : undefined}
          scroll={false}
          className={
            option.value === face
              ? "bg-accent-soft px-2 py-0.5 font-medium text-fg"
              : "px-2 py-0.5 text-muted hover:bg-surface-2 hover:text-fg"
          }
        >
          {option.label}
        </Link>
      ))}
    </span>
  );
}
