// A cabinet's elevation as data: for each face, the slots from the top (U = heightU) down to U1. Drawing code only
// walks these slots, so anything that cannot be drawn truthfully (outside the cabinet, overlapping) is decided here,
// once, and reported as a problem instead of being drawn wrong.
import { buildChassisLayout, type ChassisLayout } from "./chassis-layout";

export type RackFace = "front" | "rear";

export type DeviceKind = "chassis" | "sled" | "server" | "switch" | "storage" | "pdu" | "other";

export type RackSledInput = { id: number; hostname: string; bay: number | null };

export type RackDeviceInput = {
  id: number;
  hostname: string;
  uLow: number;
  // 0 for a sled or any other device without rack units of its own: never a slot
  uHeight: number;
  face: RackFace | null;
  fullDepth: boolean;
  kind: DeviceKind;
  role?: string;
  status?: string;
  modelName?: string;
  sleds?: readonly RackSledInput[];
  bays?: number | null;
  bayColumns?: number | null;
  bayRows?: number | null;
};

export type RackLayoutInput = {
  cabinet: { name: string; heightU: number };
  // when two devices claim the same unit, the one listed first keeps it and the other is reported
  devices: readonly RackDeviceInput[];
  // device or sled ids; a sled highlights its chassis' slot
  highlight?: { deviceIds: readonly number[] };
};

export type SlotSled = { id: number; hostname: string; bay: number | null; highlighted: boolean };

export type DeviceSlot = {
  kind: "device";
  deviceId: number;
  hostname: string;
  // the range drawn: the device's own range, cut to the cabinet when `clipped`
  uLow: number;
  uHigh: number;
  // the face the device is mounted on, which differs from the face being drawn when `fromOtherFace`
  face: RackFace;
  fullDepth: boolean;
  // a full-depth device mounted on the other face: it blocks this face too, so it is shown here
  fromOtherFace: boolean;
  highlighted: boolean;
  // part of the device lies outside the cabinet (see problems); only the part inside is drawn
  clipped: boolean;
  deviceKind: DeviceKind;
  role: string;
  status: string | null;
  modelName: string | null;
  sleds: SlotSled[];
  // the bay grid for a chassis (or anything holding sleds), null otherwise
  chassis: ChassisLayout | null;
};

export type EmptySlot = { kind: "empty"; uLow: number; uHigh: number };

export type RackSlot = DeviceSlot | EmptySlot;

export type RackOccupancy = { usedU: number; freeU: number; percent: number };

export type RackProblemCode = "no_face" | "out_of_range" | "overlap" | "sled_bay";

export type RackProblem = { deviceId: number; hostname: string; code: RackProblemCode; message: string };

export type RackLayout = {
  cabinet: { name: string; heightU: number };
  faces: Record<RackFace, RackSlot[]>;
  // a unit counts as used when either face holds something in it, as the cabinet lists count it
  occupancy: RackOccupancy & { byFace: Record<RackFace, RackOccupancy> };
  problems: RackProblem[];
};

export type FreeRange = { uLow: number; uHigh: number; sizeU: number };

const FACES: readonly RackFace[] = ["front", "rear"];

export function otherFace(face: RackFace): RackFace {
  return face === "front" ? "rear" : "front";
}

export function formatURange(uLow: number, uHigh: number): string {
  return uLow === uHigh ? `U${uLow}` : `U${uLow}–U${uHigh}`;
}

// [12, 13, 14, 20] -> "U12–U14, U20"
function formatUnits(units: readonly number[]): string {
  const sorted = [...new Set(units)].sort((a, b) => a - b);
  const runs: string[] = [];
  let start = sorted[0];
  for (let i = 0; i < sorted.length; i++) {
    const u = sorted[i]!;
    const next = sorted[i + 1];
    if (next !== u + 1) {
      runs.push(formatURange(start!, u));
      start = next;
    }
  }
  return runs.join(", ");
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function occupancyOf(usedU: number, heightU: number): RackOccupancy {
  return {
    usedU,
    freeU: Math.max(heightU - usedU, 0),
    percent: heightU > 0 ? Math.round((usedU / heightU) * 100) : 0,
  };
}

type Placed = { device: RackDeviceInput; face: RackFace; uLow: number; uHigh: number; clipped: boolean };

export function buildRackLayout(input: RackLayoutInput): RackLayout {
  const { cabinet } = input;
  const heightU = Number.isInteger(cabinet.heightU) && cabinet.heightU > 0 ? cabinet.heightU : 0;
  const highlight = new Set(input.highlight?.deviceIds ?? []);
  const problems: RackProblem[] = [];
  const problem = (device: RackDeviceInput, code: RackProblemCode, message: string) =>
    problems.push({ deviceId: device.id, hostname: device.hostname, code, message });

  // who holds each unit on each face; index u - 1
  const holder: Record<RackFace, (Placed | undefined)[]> = {
    front: new Array<Placed | undefined>(heightU).fill(undefined),
    rear: new Array<Placed | undefined>(heightU).fill(undefined),
  };
  const placed: Placed[] = [];
  const chassisById = new Map<number, ChassisLayout>();

  for (const device of input.devices) {
    const sleds = device.sleds ?? [];
    if (device.kind === "chassis" || (device.bays ?? 0) > 0 || sleds.length > 0) {
      const chassis = buildChassisLayout({
        bays: device.bays,
        bayColumns: device.bayColumns,
        bayRows: device.bayRows,
        sleds,
        highlightDeviceIds: [...highlight],
        hostname: device.hostname,
      });
      chassisById.set(device.id, chassis);
      for (const p of chassis.problems) problems.push({ ...p, code: "sled_bay" });
    }

    if (!(device.uHeight > 0)) continue;
    const uHigh = device.uLow + device.uHeight - 1;
    const placedAt = `${formatURange(device.uLow, uHigh)} of ${cabinet.name}`;
    if (device.face === null) {
      problem(device, "no_face", `${device.hostname} is placed at ${placedAt} but has no face (front or rear) recorded; it is not drawn.`);
      continue;
    }
    const face = device.face;
    const drawnLow = Math.max(device.uLow, 1);
    const drawnHigh = Math.min(uHigh, heightU);
    const clipped = drawnLow !== device.uLow || drawnHigh !== uHigh;
    const fits = drawnLow <= drawnHigh;

    let conflict: string | null = null;
    if (fits) {
      const claimed = device.fullDepth ? FACES : [face];
      // per conflicting device: the units it holds that this one wants, and on which faces
      const clashes = new Map<Placed, { units: number[]; faces: Set<RackFace> }>();
      for (const f of claimed) {
        for (let u = drawnLow; u <= drawnHigh; u++) {
          const other = holder[f][u - 1];
          if (!other) continue;
          const clash = clashes.get(other) ?? { units: [], faces: new Set<RackFace>() };
          clash.units.push(u);
          clash.faces.add(f);
          clashes.set(other, clash);
        }
      }
      if (clashes.size > 0) {
        const taken = [...clashes].map(([other, clash]) => {
          const where = clash.faces.size === 1 ? ` on the ${[...clash.faces][0]}` : "";
          return `${other.device.hostname} holds ${formatUnits(clash.units)}${where}`;
        });
        conflict = joinList(taken);
      }
    }

    const drawn = fits && conflict === null;
    if (clipped) {
      const outside = uHigh > heightU ? `which is only ${heightU} U high` : "whose lowest unit is U1";
      const outcome = drawn ? `only ${formatURange(drawnLow, drawnHigh)} is drawn` : "it is not drawn";
      problem(device, "out_of_range", `${device.hostname} is placed at ${placedAt}, ${outside}; ${outcome}.`);
    }
    if (conflict !== null) {
      const depth = device.fullDepth ? `${face}, full depth` : face;
      problem(device, "overlap", `${device.hostname} is placed at ${placedAt} (${depth}), but ${conflict}; it is not drawn.`);
    }
    if (!drawn) continue;

    const entry: Placed = { device, face, uLow: drawnLow, uHigh: drawnHigh, clipped };
    placed.push(entry);
    for (const f of device.fullDepth ? FACES : [face]) {
      for (let u = drawnLow; u <= drawnHigh; u++) holder[f][u - 1] = entry;
    }
  }

  const slotFor = (entry: Placed, drawnFace: RackFace): DeviceSlot => {
    const { device } = entry;
    const sleds = (device.sleds ?? []).map((s) => ({ id: s.id, hostname: s.hostname, bay: s.bay, highlighted: highlight.has(s.id) }));
    return {
      kind: "device",
      deviceId: device.id,
      hostname: device.hostname,
      uLow: entry.uLow,
      uHigh: entry.uHigh,
      face: entry.face,
      fullDepth: device.fullDepth,
      fromOtherFace: entry.face !== drawnFace,
      highlighted: highlight.has(device.id) || sleds.some((s) => s.highlighted),
      clipped: entry.clipped,
      deviceKind: device.kind,
      role: device.role ?? "",
      status: device.status ?? null,
      modelName: device.modelName ?? null,
      sleds,
      chassis: chassisById.get(device.id) ?? null,
    };
  };

  const faces = {} as Record<RackFace, RackSlot[]>;
  for (const face of FACES) {
    const slots: RackSlot[] = [];
    let u = heightU;
    while (u >= 1) {
      const entry = holder[face][u - 1];
      if (entry) {
        slots.push(slotFor(entry, face));
        u = entry.uLow - 1;
        continue;
      }
      const top = u;
      while (u >= 1 && !holder[face][u - 1]) u--;
      slots.push({ kind: "empty", uLow: u + 1, uHigh: top });
    }
    faces[face] = slots;
  }

  let usedU = 0;
  const usedByFace: Record<RackFace, number> = { front: 0, rear: 0 };
  for (let i = 0; i < heightU; i++) {
    if (holder.front[i]) usedByFace.front++;
    if (holder.rear[i]) usedByFace.rear++;
    if (holder.front[i] || holder.rear[i]) usedU++;
  }

  return {
    cabinet: { name: cabinet.name, heightU },
    faces,
    occupancy: {
      ...occupancyOf(usedU, heightU),
      byFace: { front: occupancyOf(usedByFace.front, heightU), rear: occupancyOf(usedByFace.rear, heightU) },
    },
    problems,
  };
}

// Free runs of units from the top, for placing a new device. "both" asks for units free on the front and the rear,
// which is what a full-depth device needs.
export function freeRanges(
  layout: RackLayout,
  face: RackFace | "both",
  heightU: number = layout.cabinet.heightU,
): FreeRange[] {
  const taken = new Set<number>();
  for (const f of face === "both" ? FACES : [face]) {
    for (const slot of layout.faces[f]) {
      if (slot.kind !== "device") continue;
      for (let u = slot.uLow; u <= slot.uHigh; u++) taken.add(u);
    }
  }
  const ranges: FreeRange[] = [];
  let u = heightU;
  while (u >= 1) {
    if (taken.has(u)) {
      u--;
      continue;
    }
    const top = u;
    while (u >= 1 && !taken.has(u)) u--;
    ranges.push({ uLow: u + 1, uHigh: top, sizeU: top - u });
  }
  return ranges;
}
