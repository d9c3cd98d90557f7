import Link from "next/link";
import { plural } from "@/components/ui/format";
import { UsageBar } from "@/components/ui/usage-bar";
import type { CabinetRow } from "@/lib/db/cabinets";

// Cabinets as tiles in the order they stand, each with its fill level: the overview of a room or site.
export function CabinetGrid({ cabinets, label }: { cabinets: CabinetRow[]; label?: string }) {
  return (
    <ul aria-label={label} className="grid grid-cols-[repeat(auto-fill,minmax(9.5rem,1fr))] gap-2">
      {cabinets.map((cabinet) => (
        <li key={cabinet.id}>
          <CabinetCard cabinet={cabinet} />
        </li>
      ))}
    </ul>
  );
}

export function CabinetCard({ cabinet }: { cabinet: CabinetRow }) {
  const percent = cabinet.heightU > 0 ? Math.round((cabinet.uUsed / cabinet.heightU) * 100) : 0;
  return (
    <Link
      href={`/cabinets/${cabinet.id}`}
      className="block rounded border border-line bg-canvas px-3 py-2 transition-colors hover:border-accent hover:bg-accent-soft/40"
    >
      <span className="flex items-baseline justify-between gap-2">
        <span className="font-semibold">{cabinet.name}</span>
        <span className="text-xs text-muted tabular-nums">{plural(cabinet.deviceCount, "device")}</span>
      </span>
      <UsageBar used={cabinet.uUsed} total={cabinet.heightU} className="mt-2" />
      <span className="mt-1 flex justify-between text-xs text-muted tabular-nums">
        <span>
          {cabinet.uUsed} / {cabinet.heightU} U used
        </span>
        <span>{percent}%</span>
      </span>
    </Link>
  );
}
