"use client";

import { useRef, type KeyboardEvent } from "react";
import type { CabinetUnits } from "@/lib/db/edit-devices";
import { formatURange, type RackFace } from "@/lib/domain/rack-layout";
import { freeStarts, unitHolders } from "@/lib/domain/rack-units";

// One face of a cabinet, top down, as a column of units: who holds each taken unit, and a button on
// every unit where the device fits. One tab stop; the arrow keys move between the free positions.
export function PositionPicker({
  units,
  device,
  face,
  u,
  onPick,
}: {
  units: CabinetUnits;
  device: { id: number | null; heightU: number; fullDepth: boolean };
  face: RackFace;
  u: number | null;
  onPick: (u: number) => void;
}) {
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const except = device.id ?? undefined;
  const rows = unitHolders(units.occupants, units.heightU, face, except);
  const starts = freeStarts(units.occupants, units.heightU, { heightU: device.heightU, face, fullDepth: device.fullDepth }, except);
  const startSet = new Set(starts);
  const chosen = u !== null && u + device.heightU - 1 >= u ? { low: u, high: u + device.heightU - 1 } : null;
  const active = u !== null && startSet.has(u) ? u : (starts[starts.length - 1] ?? null);

  function move(event: KeyboardEvent<HTMLButtonElement>, from: number) {
    const index = starts.indexOf(from);
    const next =
      event.key === "ArrowUp" ? starts[index + 1] : event.key === "ArrowDown" ? starts[index - 1] : event.key === "Home" ? starts[starts.length - 1] : event.key === "End" ? starts[0] : undefined;
    if (next === undefined) return;
    event.preventDefault();
    buttons.current.get(next)?.focus();
  }

  return (
    <div>
      <p id="picker-help" className="mb-1.5 text-xs text-muted">
        {starts.length === 0
          ? `No free place on the ${face} of ${units.name} fits ${device.heightU} U.`
          : `Pick the lowest U: ${starts.length} free position${starts.length === 1 ? "" : "s"} for ${device.heightU} U on the ${face}. Arrow keys move, Enter picks.`}
      </p>
      <div
        role="group"
        aria-label={`Free positions in ${units.name} ${face}`}
        aria-describedby="picker-help"
        className="w-64 overflow-hidden rounded-md border border-line-strong bg-track p-1"
      >
        {rows.map(({ u: unit, holder }) => {
          const inChoice = chosen !== null && unit >= chosen.low && unit <= chosen.high;
          const base = "flex h-[18px] items-center gap-2 px-1.5 text-[11px] leading-none";
          const label = <span className={`w-7 shrink-0 text-right font-mono tabular-nums ${inChoice && !holder ? "" : "text-muted"}`}>{unit}</span>;
          if (holder) {
            return (
              <div key={unit} className={`${base} ${inChoice ? "bg-danger-soft text-danger" : "bg-surface-2"} border-b border-line/60`}>
                {label}
                <span className="truncate font-mono">{holder.uHigh === unit || unit === units.heightU ? holder.hostname : ""}</span>
              </div>
            );
          }
          if (!startSet.has(unit)) {
            return (
              <div key={unit} className={`${base} ${inChoice ? "bg-accent-soft" : "bg-surface"} border-b border-line/60 text-muted`}>
                {label}
                <span>free, too small</span>
              </div>
            );
          }
          return (
            <button
              key={unit}
              type="button"
              ref={(el) => {
                if (el) buttons.current.set(unit, el);
                else buttons.current.delete(unit);
              }}
              tabIndex={unit === active ? 0 : -1}
              aria-pressed={chosen?.low === unit}
              aria-label={`${formatURange(unit, unit + device.heightU - 1)} free`}
              onClick={() => onPick(unit)}
              onKeyDown={(event) => move(event, unit)}
              className={`${base} w-full border-b border-line/60 text-left outline-none hover:bg-accent-soft focus-visible:relative focus-visible:ring-2 focus-visible:ring-accent ${
                inChoice ? "bg-accent text-accent-fg" : "bg-surface"
              }`}
            >
              {label}
              <span>{chosen?.low === unit ? `here: ${formatURange(unit, unit + device.heightU - 1)}` : "free"}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
