// Who holds which rack units, by the same rule as the database's exclusion constraints: two racked
// devices clash when their U ranges overlap and they share a face (a full-depth device takes both).
// Used for the early, friendly refusal ("U12–U14 of C12 front are taken by app-23") and by the
// position picker to show which units are free.
import { formatURange, type RackFace } from "./rack-layout";

export type Occupant = { id: number; hostname: string; uLow: number; uHigh: number; face: RackFace; fullDepth: boolean };

export type Placement = { uLow: number; uHigh: number; face: RackFace; fullDepth: boolean };

// The face on which `occupant` and `wanted` meet, or null when they do not clash.
function clashFace(occupant: Occupant, wanted: Placement): RackFace | null {
  if (occupant.uHigh < wanted.uLow || occupant.uLow > wanted.uHigh) return null;
  if (occupant.face === wanted.face || occupant.fullDepth) return wanted.face;
  // a half-depth device on the other face only clashes with a full-depth newcomer, on its own face
  return wanted.fullDepth ? occupant.face : null;
}

export function blockersOf(occupants: readonly Occupant[], wanted: Placement, exceptId?: number): Occupant[] {
  return occupants.filter((o) => o.id !== exceptId && clashFace(o, wanted) !== null);
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

// "U12–U14 of C12 front are taken by app-23", one clause per face that clashes.
export function takenSentence(cabinetName: string, wanted: Placement, blockers: readonly Occupant[]): string {
  const range = formatURange(wanted.uLow, wanted.uHigh);
  const verb = wanted.uLow === wanted.uHigh ? "is" : "are";
  const clauses: string[] = [];
  for (const face of ["front", "rear"] as const) {
    const names = blockers.filter((b) => clashFace(b, wanted) === face).map((b) => b.hostname);
    if (names.length) clauses.push(`${range} of ${cabinetName} ${face} ${verb} taken by ${joinNames(names)}`);
  }
  return `${clauses.join("; ")}.`;
}

// The lowest units at which a device `heightU` high fits on `face` without clashing, bottom up.
export function freeStarts(
  occupants: readonly Occupant[],
  cabinetHeightU: number,
  device: { heightU: number; face: RackFace; fullDepth: boolean },
  exceptId?: number,
): number[] {
  const starts: number[] = [];
  for (let u = 1; u + device.heightU - 1 <= cabinetHeightU; u++) {
    const wanted = { uLow: u, uHigh: u + device.heightU - 1, face: device.face, fullDepth: device.fullDepth };
    if (blockersOf(occupants, wanted, exceptId).length === 0) starts.push(u);
  }
  return starts;
}

// For each unit of one face, top down: who holds it (seen from a device of the given depth), or null.
export function unitHolders(
  occupants: readonly Occupant[],
  cabinetHeightU: number,
  face: RackFace,
  exceptId?: number,
): { u: number; holder: Occupant | null }[] {
  const out: { u: number; holder: Occupant | null }[] = [];
  for (let u = cabinetHeightU; u >= 1; u--) {
    const [holder] = blockersOf(occupants, { uLow: u, uHigh: u, face, fullDepth: false }, exceptId);
    out.push({ u, holder: holder ?? null });
  }
  return out;
}
