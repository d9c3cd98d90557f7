import Link from "next/link";
import { deviceHref } from "@/components/location-trail";
import { RackElevation } from "@/components/rack-elevation/rack-elevation";
import type { CabinetElevation } from "@/lib/db/cabinets";
import { buildRackLayout, type RackFace } from "@/lib/domain/rack-layout";

// One cabinet of a room's row view: its name, how full it is, and a compact elevation of one face.
export function RowCabinet({ elevation, face }: { elevation: CabinetElevation; face: RackFace }) {
  const layout = buildRackLayout({ cabinet: { name: elevation.name, heightU: elevation.heightU }, devices: elevation.devices });
  return (
    <figure className="m-0 w-36">
      <RowCabinetCaption id={elevation.id} name={elevation.name} detail={`${layout.occupancy.usedU} / ${layout.cabinet.heightU} U`} />
      <RackElevation layout={layout} face={face} compact hrefForDevice={(d) => deviceHref(d.hostname)} className="w-full" />
      {layout.problems.length > 0 ? (
        <p className="mt-1 text-xs text-warn">{layout.problems.length === 1 ? "1 device not drawn" : `${layout.problems.length} devices not drawn`}: see the cabinet</p>
      ) : null}
    </figure>
  );
}

export function RowCabinetCaption({ id, name, detail }: { id: number; name: string; detail: string }) {
  return (
    <figcaption className="mb-1 flex items-baseline justify-between gap-2 text-xs">
      <Link href={`/cabinets/${id}`} className="text-sm font-semibold text-accent hover:underline">
        {name}
      </Link>
      <span className="text-muted tabular-nums">{detail}</span>
    </figcaption>
  );
}
