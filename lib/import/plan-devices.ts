// devices.csv: hostname, model, role, status, serial, asset_tag, site, cabinet, u, face, chassis,
// bay, power, oob_ip, primary_ip, os, notes. A device is racked (site + cabinet + u, face default
// front), in a chassis bay (chassis + bay), or unplaced (at most a site). The plan works out every
// device's final place and checks the placement rules against the database and the rest of the
// file at once: free units, bays that exist and are free, the right kind of model, known
// references, feeds of the device's own cabinet, unique service and asset tags.
import type { CsvDeviceRow } from "../schemas/csv-devices";
import { formatPowerList } from "../schemas/csv-values";
import { collision, compare, emptyPlan, Issues, listNames, takenMessage, unitsText, type AuditNote, type Occupant, type PlanBase } from "./plan-common";
import type { ValidRow } from "./validate";

type Face = "front" | "rear";
type ModelKind = "chassis" | "sled" | "server" | "switch" | "storage" | "pdu" | "other";
type DeviceStatus = "active" | "planned" | "staged" | "failed" | "offline" | "decommissioning" | "inventory";

export type ModelInfo = { id: number; name: string; kind: ModelKind; heightU: number; fullDepth: boolean; bays: number };
export type CabinetInfo = { id: number; siteId: number; site: string; name: string; heightU: number; feeds: string[] };

export type DeviceState = {
  id: number;
  hostname: string;
  modelId: number;
  role: string;
  status: DeviceStatus;
  serial: string | null;
  assetTag: string | null;
  siteId: number | null;
  cabinetId: number | null;
  uLow: number | null;
  face: Face | null;
  chassisId: number | null;
  chassis: string | null;
  bay: number | null;
  primaryIp: string | null;
  oobIp: string | null;
  os: string;
  notes: string;
  power: string[];
};

export type DevicesSnapshot = {
  models: Map<string, ModelInfo>;
  modelById: Map<number, ModelInfo>;
  // by name
  sites: Map<string, number>;
  siteById: Map<number, string>;
  // by site + "\0" + cabinet
  cabinets: Map<string, CabinetInfo>;
  cabinetById: Map<number, CabinetInfo>;
  // the file's devices and the chassis it names, by lower-case hostname
  devices: Map<string, DeviceState>;
  // racked devices in the cabinets the file's devices are in or go to
  racked: (Occupant & { cabinetId: number })[];
  // sleds in the chassis the file's devices are in or go to
  sleds: { chassisId: number; hostname: string; bay: number }[];
  // holders of the service and asset tags the file gives, by upper-case tag
  serials: Map<string, string>;
  assetTags: Map<string, string>;
};

type Placement =
  | { kind: "rack"; cabinet: CabinetInfo; uLow: number; face: Face }
  | { kind: "bay"; chassis: string; bay: number }
  | { kind: "unplaced"; siteId: number | null };

type Final = {
  row: number;
  hostname: string;
  model: ModelInfo;
  role: string;
  status: DeviceStatus;
  serial: string | null;
  assetTag: string | null;
  place: Placement;
  power: string[];
  // power not given in the file, carried over from the device's old place
  powerCarried: boolean;
  primaryIp: string | null;
  oobIp: string | null;
  os: string;
  notes: string;
  existing: DeviceState | null;
};

export type DeviceWrite = {
  row: number;
  id: number | null;
  hostname: string;
  modelId: number;
  role: string;
  status: DeviceStatus;
  serial: string | null;
  assetTag: string | null;
  siteId: number | null;
  cabinetId: number | null;
  uLow: number | null;
  face: Face | null;
  chassis: string | null;
  bay: number | null;
  primaryIp: string | null;
  oobIp: string | null;
  os: string;
  notes: string;
  power: string[];
  // for updates: what must be cleared before the final values go in (a swap within the file)
  moves: boolean;
  serialChanges: boolean;
  assetTagChanges: boolean;
  powerChanges: boolean;
  audit: AuditNote;
};

export type DevicesPlan = PlanBase & { creates: DeviceWrite[]; updates: DeviceWrite[] };

const lower = (s: string) => s.toLowerCase();
const cabinetKey = (site: string, cabinet: string) => `${site}\u0000${cabinet}`;

function nameOf(c: CabinetInfo): string {
  return `${c.site}/${c.name}`;
}

export function planDevices(
  rows: ValidRow<CsvDeviceRow>[],
  snapshot: DevicesSnapshot,
  failed: Record<string, string | undefined>[] = [],
): DevicesPlan {
  const plan: DevicesPlan = { ...emptyPlan(), creates: [], updates: [] };
  const issues = new Issues();
  const failedHosts = new Set(failed.map((f) => lower(f.hostname ?? "")).filter((h) => h !== ""));
  const finals: Final[] = [];
  const finalByHost = new Map<string, Final>();
  // the sites sled rows name, checked against their chassis in pass 2
  const siteOfSled = new Map<Final, string>();

  // ---- pass 1: each row's final state, from the row and what the device is now
  for (const { row, data } of rows) {
    const existing = snapshot.devices.get(lower(data.hostname)) ?? null;
    const currentModel = existing ? snapshot.modelById.get(existing.modelId)! : null;
    let model: ModelInfo | null = currentModel;
    if (data.model !== undefined) {
      model = snapshot.models.get(data.model) ?? null;
      if (!model) {
        const wanted = lower(data.model);
        const near = [...snapshot.models.keys()].find((name) => lower(name) === wanted);
        issues.add(row, "model", near ? `Model ${data.model} does not exist; did you mean ${near}?` : `Model ${data.model} does not exist: add it in models.csv first.`);
        continue;
      }
    }
    if (!model) {
      issues.add(row, "model", "A new device needs a model.");
      continue;
    }
    const place = placementOf(row, data, existing, snapshot, issues);
    if (!place) continue;

    let power: string[];
    let powerCarried = false;
    if (data.power !== undefined) {
      if (place.kind !== "rack") {
        issues.add(
          row,
          "power",
          place.kind === "bay"
            ? "A sled draws on its chassis' power: leave power empty."
            : "Only a racked device draws on its cabinet's feeds: give its cabinet and u, or leave power empty.",
        );
        continue;
      }
      power = data.power;
    } else {
      power = place.kind === "rack" ? (existing?.power ?? []) : [];
      powerCarried = place.kind === "rack" && existing !== null && existing.cabinetId !== place.cabinet.id && power.length > 0;
    }

    const final: Final = {
      row,
      hostname: existing?.hostname ?? data.hostname,
      model,
      role: data.role ?? existing?.role ?? "",
      status: data.status ?? existing?.status ?? "active",
      serial: data.serial ?? existing?.serial ?? null,
      assetTag: data.asset_tag ?? existing?.assetTag ?? null,
      place,
      power,
      powerCarried,
      primaryIp: data.primary_ip ?? existing?.primaryIp ?? null,
      oobIp: data.oob_ip ?? existing?.oobIp ?? null,
      os: data.os ?? existing?.os ?? "",
      notes: data.notes ?? existing?.notes ?? "",
      existing,
    };
    // the site a sled row names must be its chassis' site: checked once every chassis is known
    if (place.kind === "bay" && data.site !== undefined) siteOfSled.set(final, data.site);
    finals.push(final);
    finalByHost.set(lower(final.hostname), final);
  }

  // ---- pass 2: the rules, against the database and the other rows
  const chassisOf = (host: string): { hostname: string; model: ModelInfo; site: string | null; id: number | null; row: number | null } | null => {
    const inFile = finalByHost.get(lower(host));
    if (inFile) return { hostname: inFile.hostname, model: inFile.model, site: siteNameOf(inFile.place, snapshot), id: inFile.existing?.id ?? null, row: inFile.row };
    const inDb = snapshot.devices.get(lower(host));
    if (!inDb) return null;
    const place: Placement =
      inDb.cabinetId !== null
        ? { kind: "rack", cabinet: snapshot.cabinetById.get(inDb.cabinetId)!, uLow: inDb.uLow!, face: inDb.face! }
        : { kind: "unplaced", siteId: inDb.siteId };
    return { hostname: inDb.hostname, model: snapshot.modelById.get(inDb.modelId)!, site: siteNameOf(place, snapshot), id: inDb.id, row: null };
  };

  for (const f of finals) {
    const { row, model, place } = f;
    if (place.kind === "rack") {
      if (model.kind === "sled" || model.heightU < 1) {
        issues.add(row, "model", `Model ${model.name} is a sled: it has no U of its own. Put it in a chassis bay (chassis and bay), not in a cabinet.`);
        continue;
      }
      const top = place.uLow + model.heightU - 1;
      if (top > place.cabinet.heightU) {
        issues.add(
          row,
          "u",
          `${unitsText(place.uLow, model.heightU)} ${model.heightU === 1 ? "does" : "do"} not fit ${nameOf(place.cabinet)} (${place.cabinet.heightU} U high): the ${model.heightU} U ${model.name} needs a u of at most ${place.cabinet.heightU - model.heightU + 1}.`,
        );
        continue;
      }
      const unknownFeeds = f.power.filter((p) => !place.cabinet.feeds.includes(p));
      if (unknownFeeds.length) {
        const has = place.cabinet.feeds.length ? `it has ${listNames(place.cabinet.feeds)}` : "it has no feeds: add them in cabinets.csv";
        issues.add(
          row,
          "power",
          `${nameOf(place.cabinet)} has no feed ${listNames(unknownFeeds)} (${has})${f.powerCarried ? `; ${f.hostname} drew on it in its old cabinet, so give power for the new place` : ""}.`,
        );
        continue;
      }
    } else if (place.kind === "bay") {
      if (model.kind !== "sled") {
        issues.add(row, "model", `Model ${model.name} is a ${model.kind}: only a sled goes in a chassis bay. Rack it with site, cabinet and u instead.`);
        continue;
      }
      const chassis = chassisOf(place.chassis);
      if (!chassis) {
        if (!failedHosts.has(lower(place.chassis))) {
          issues.add(row, "chassis", `Chassis ${place.chassis} does not exist: add it in devices.csv first (earlier in this file, or in an earlier import).`);
        }
        continue;
      }
      if (chassis.model.kind !== "chassis") {
        issues.add(row, "chassis", `${chassis.hostname} is a ${chassis.model.kind} (${chassis.model.name}), not a chassis: it has no bays.`);
        continue;
      }
      if (place.bay > chassis.model.bays) {
        issues.add(
          row,
          "bay",
          `Chassis ${chassis.hostname} (${chassis.model.name}) has ${chassis.model.bays === 0 ? "no bays" : `bays 1–${chassis.model.bays}`}: there is no bay ${place.bay}.`,
        );
        continue;
      }
      const site = siteOfSled.get(f);
      if (site !== undefined && site !== chassis.site) {
        issues.add(
          row,
          "site",
          `${f.hostname} sits in chassis ${chassis.hostname}${chassis.site ? `, which is in site ${chassis.site}` : ", which is not in a site"}: a sled's place is its chassis and bay, so leave site empty.`,
        );
        continue;
      }
    }
  }

  checkUnits(finals, snapshot, issues);
  checkBays(finals, snapshot, issues, chassisOf);
  checkUnique(finals, snapshot.serials, (f) => f.serial, "serial", "service tag", issues);
  checkUnique(finals, snapshot.assetTags, (f) => f.assetTag, "asset_tag", "asset tag", issues);

  // ---- the writes
  for (const f of finals) {
    if (issues.has(f.row)) continue;
    const write = writeOf(f, snapshot);
    if (!f.existing) {
      plan.creates.push(write);
      plan.outcomes.set(f.row, "create");
      continue;
    }
    const outcome = compare(write.audit.before!, write.audit.after);
    plan.outcomes.set(f.row, outcome);
    if (outcome === "update") plan.updates.push(write);
  }
  plan.issues = issues.list;
  return plan;
}

function siteNameOf(place: Placement, snapshot: DevicesSnapshot): string | null {
  if (place.kind === "rack") return place.cabinet.site;
  if (place.kind === "unplaced") return place.siteId === null ? null : (snapshot.siteById.get(place.siteId) ?? null);
  return null;
}

// Where the row puts the device. Empty cells keep what the device has: a row giving only u moves
// it within its cabinet; a row giving nothing about its place leaves it where it is.
function placementOf(row: number, data: CsvDeviceRow, existing: DeviceState | null, snapshot: DevicesSnapshot, issues: Issues): Placement | null {
  const current = existing?.cabinetId ? snapshot.cabinetById.get(existing.cabinetId)! : null;
  if (data.chassis !== undefined || data.bay !== undefined) {
    const chassis = data.chassis ?? existing?.chassis ?? undefined;
    if (chassis === undefined) {
      issues.add(row, "chassis", "Give the chassis (its hostname) this device sits in, with the bay.");
      return null;
    }
    const sameChassis = existing?.chassis !== null && existing?.chassis !== undefined && lower(existing.chassis) === lower(chassis);
    const bay = data.bay ?? (sameChassis ? existing!.bay! : undefined);
    if (bay === undefined) {
      issues.add(row, "bay", `Give the bay of ${chassis} this device sits in.`);
      return null;
    }
    return { kind: "bay", chassis, bay };
  }
  if (data.cabinet !== undefined || data.u !== undefined || data.face !== undefined) {
    const site = data.site ?? current?.site;
    const cabinetName = data.cabinet ?? current?.name;
    if (cabinetName === undefined) {
      issues.add(row, "cabinet", "Give the cabinet (and its site) to rack this device in.");
      return null;
    }
    if (site === undefined) {
      issues.add(row, "site", `Give the site of cabinet ${cabinetName}.`);
      return null;
    }
    const cabinet = snapshot.cabinets.get(cabinetKey(site, cabinetName));
    if (!cabinet) {
      if (!snapshot.sites.has(site)) issues.add(row, "site", `Site ${site} does not exist: add it (with its cabinets) in cabinets.csv first.`);
      else issues.add(row, "cabinet", `Cabinet ${site}/${cabinetName} does not exist: add it in cabinets.csv first.`);
      return null;
    }
    const uLow = data.u ?? (current && current.id === cabinet.id ? existing!.uLow! : undefined);
    if (uLow === undefined) {
      issues.add(row, "u", `Give the lowest U the device takes in ${nameOf(cabinet)}.`);
      return null;
    }
    return { kind: "rack", cabinet, uLow, face: data.face ?? existing?.face ?? "front" };
  }
  if (data.site !== undefined) {
    const siteId = snapshot.sites.get(data.site);
    if (siteId === undefined) {
      issues.add(row, "site", `Site ${data.site} does not exist: add it (with its cabinets) in cabinets.csv first.`);
      return null;
    }
    if (current) {
      if (current.site !== data.site) {
        issues.add(
          row,
          "site",
          `${existing!.hostname} is racked in ${nameOf(current)}: to move it to site ${data.site}, give its new cabinet and u too.`,
        );
        return null;
      }
      return { kind: "rack", cabinet: current, uLow: existing!.uLow!, face: existing!.face! };
    }
    if (existing?.chassis) return { kind: "bay", chassis: existing.chassis, bay: existing.bay! };
    return { kind: "unplaced", siteId };
  }
  if (current) return { kind: "rack", cabinet: current, uLow: existing!.uLow!, face: existing!.face! };
  if (existing?.chassis) return { kind: "bay", chassis: existing.chassis, bay: existing.bay! };
  return { kind: "unplaced", siteId: existing?.siteId ?? null };
}

// Free rack units: against devices the file does not mention, and against earlier rows.
function checkUnits(finals: Final[], snapshot: DevicesSnapshot, issues: Issues) {
  const inFile = new Set(finals.map((f) => lower(f.hostname)));
  const byCabinet = new Map<number, Occupant[]>();
  for (const d of snapshot.racked) {
    if (inFile.has(lower(d.hostname))) continue;
    byCabinet.set(d.cabinetId, [...(byCabinet.get(d.cabinetId) ?? []), d]);
  }
  for (const f of finals) {
    if (f.place.kind !== "rack" || issues.has(f.row)) continue;
    const me: Occupant = { hostname: f.hostname, uLow: f.place.uLow, uHeight: f.model.heightU, face: f.place.face, fullDepth: f.model.fullDepth, row: f.row };
    const others = byCabinet.get(f.place.cabinet.id) ?? [];
    const hits = others.map((o) => ({ o, face: collision(me, o) })).filter((h) => h.face !== null);
    if (hits.length) {
      const faces = (["front", "rear"] as const).filter((face) => hits.some((h) => h.face === face));
      issues.add(f.row, "u", takenMessage(me, nameOf(f.place.cabinet), faces, hits.map((h) => h.o)));
      continue;
    }
    byCabinet.set(f.place.cabinet.id, [...others, me]);
  }
}

// One sled per bay: against sleds the file does not mention, and against earlier rows.
function checkBays(
  finals: Final[],
  snapshot: DevicesSnapshot,
  issues: Issues,
  chassisOf: (host: string) => { hostname: string; id: number | null } | null,
) {
  const inFile = new Set(finals.map((f) => lower(f.hostname)));
  const taken = new Map<string, string>();
  const chassisKey = (chassis: { hostname: string }, bay: number) => `${lower(chassis.hostname)}\u0000${bay}`;
  const chassisName = new Map<number, string>();
  for (const d of snapshot.devices.values()) chassisName.set(d.id, d.hostname);
  for (const s of snapshot.sleds) {
    if (inFile.has(lower(s.hostname))) continue;
    const name = chassisName.get(s.chassisId);
    if (name) taken.set(chassisKey({ hostname: name }, s.bay), s.hostname);
  }
  for (const f of finals) {
    if (f.place.kind !== "bay" || issues.has(f.row)) continue;
    const chassis = chassisOf(f.place.chassis)!;
    const k = chassisKey(chassis, f.place.bay);
    const holder = taken.get(k);
    if (holder) {
      issues.add(f.row, "bay", `Bay ${f.place.bay} of ${chassis.hostname} holds ${holder}.`);
      continue;
    }
    taken.set(k, `${f.hostname} (row ${f.row})`);
  }
}

function checkUnique(
  finals: Final[],
  holders: Map<string, string>,
  value: (f: Final) => string | null,
  column: string,
  what: string,
  issues: Issues,
) {
  const inFile = new Set(finals.map((f) => lower(f.hostname)));
  const taken = new Map<string, string>();
  for (const [tag, hostname] of holders) if (!inFile.has(lower(hostname))) taken.set(tag, hostname);
  for (const f of finals) {
    const v = value(f);
    if (v === null || issues.has(f.row)) continue;
    const k = v.toUpperCase();
    const holder = taken.get(k);
    if (holder && lower(holder) !== lower(f.hostname)) {
      issues.add(f.row, column, `The ${what} ${v} belongs to ${holder}: ${what}s are unique (without regard to case).`);
      continue;
    }
    taken.set(k, `${f.hostname} (row ${f.row})`);
  }
}

function auditValues(d: {
  hostname: string;
  model: string;
  role: string;
  status: string;
  serial: string | null;
  assetTag: string | null;
  site: string | null;
  cabinet: string | null;
  uLow: number | null;
  face: string | null;
  chassis: string | null;
  bay: number | null;
  power: string[];
  primaryIp: string | null;
  oobIp: string | null;
  os: string;
  notes: string;
}) {
  return {
    hostname: d.hostname,
    model: d.model,
    role: d.role,
    status: d.status,
    serial: d.serial ?? "",
    asset_tag: d.assetTag ?? "",
    site: d.site ?? "",
    cabinet: d.cabinet ?? "",
    u: d.uLow ?? "",
    face: d.face ?? "",
    chassis: d.chassis ?? "",
    bay: d.bay ?? "",
    power: formatPowerList(d.power),
    oob_ip: d.oobIp ?? "",
    primary_ip: d.primaryIp ?? "",
    os: d.os,
    notes: d.notes,
  };
}

function existingAudit(d: DeviceState, snapshot: DevicesSnapshot) {
  const cabinet = d.cabinetId !== null ? snapshot.cabinetById.get(d.cabinetId)! : null;
  return auditValues({
    hostname: d.hostname,
    model: snapshot.modelById.get(d.modelId)!.name,
    role: d.role,
    status: d.status,
    serial: d.serial,
    assetTag: d.assetTag,
    site: cabinet ? cabinet.site : d.chassisId !== null ? null : d.siteId !== null ? (snapshot.siteById.get(d.siteId) ?? null) : null,
    cabinet: cabinet?.name ?? null,
    uLow: cabinet ? d.uLow : null,
    face: cabinet ? d.face : null,
    chassis: d.chassis,
    bay: d.bay,
    power: d.power,
    primaryIp: d.primaryIp,
    oobIp: d.oobIp,
    os: d.os,
    notes: d.notes,
  });
}

function writeOf(f: Final, snapshot: DevicesSnapshot): DeviceWrite {
  const p = f.place;
  const rack = p.kind === "rack" ? p : null;
  const bay = p.kind === "bay" ? p : null;
  const siteId = rack ? rack.cabinet.siteId : p.kind === "unplaced" ? p.siteId : null;
  const chassisName = bay ? (snapshot.devices.get(lower(bay.chassis))?.hostname ?? bay.chassis) : null;
  const after = auditValues({
    hostname: f.hostname,
    model: f.model.name,
    role: f.role,
    status: f.status,
    serial: f.serial,
    assetTag: f.assetTag,
    site: rack ? rack.cabinet.site : p.kind === "unplaced" && p.siteId !== null ? (snapshot.siteById.get(p.siteId) ?? null) : null,
    cabinet: rack?.cabinet.name ?? null,
    uLow: rack?.uLow ?? null,
    face: rack?.face ?? null,
    chassis: chassisName,
    bay: bay?.bay ?? null,
    power: f.power,
    primaryIp: f.primaryIp,
    oobIp: f.oobIp,
    os: f.os,
    notes: f.notes,
  });
  const e = f.existing;
  const before = e ? existingAudit(e, snapshot) : null;
  return {
    row: f.row,
    id: e?.id ?? null,
    hostname: f.hostname,
    modelId: f.model.id,
    role: f.role,
    status: f.status,
    serial: f.serial,
    assetTag: f.assetTag,
    siteId,
    cabinetId: rack?.cabinet.id ?? null,
    uLow: rack?.uLow ?? null,
    face: rack?.face ?? null,
    chassis: chassisName,
    bay: bay?.bay ?? null,
    primaryIp: f.primaryIp,
    oobIp: f.oobIp,
    os: f.os,
    notes: f.notes,
    power: f.power,
    moves:
      e !== null &&
      (e.cabinetId !== (rack?.cabinet.id ?? null) ||
        e.uLow !== (rack?.uLow ?? null) ||
        e.face !== (rack?.face ?? null) ||
        (e.chassis === null ? null : lower(e.chassis)) !== (chassisName === null ? null : lower(chassisName)) ||
        e.bay !== (bay?.bay ?? null) ||
        e.modelId !== f.model.id),
    serialChanges: e !== null && e.serial !== f.serial,
    assetTagChanges: e !== null && e.assetTag !== f.assetTag,
    powerChanges: e === null ? f.power.length > 0 : e.cabinetId !== (rack?.cabinet.id ?? null) || formatPowerList(e.power) !== formatPowerList(f.power),
    audit: { objectType: "device", objectLabel: f.hostname, before, after },
  };
}
