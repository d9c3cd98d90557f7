// nics.csv: hostname, name, kind, mac, speed, driver, bond, bond_mode, enabled, ip. A member names
// its bond, which is a Nic of kind bond on the same device (in the database, or anywhere in this
// file). MACs are unique across all devices.
import type { CsvNicRow } from "../schemas/csv-nics";
import { formatSpeed } from "../schemas/csv-values";
import { compare, emptyPlan, Issues, listNames, type AuditNote, type PlanBase } from "./plan-common";
import type { ValidRow } from "./validate";

type NicKind = "nic" | "bond" | "oob";

export type NicState = {
  id: number;
  deviceId: number;
  name: string;
  kind: NicKind;
  mac: string | null;
  speedMbps: number | null;
  driver: string | null;
  enabled: boolean;
  // the name of the bond it is a member of
  bond: string | null;
  bondMode: string | null;
  ip: string | null;
};

export type NicsSnapshot = {
  // the file's devices, by lower-case hostname
  devices: Map<string, { id: number; hostname: string }>;
  // every Nic of those devices
  nics: NicState[];
  // holders of the MACs the file gives
  macs: Map<string, { deviceId: number; hostname: string; name: string }>;
};

type NicValues = {
  name: string;
  kind: NicKind;
  mac: string | null;
  speedMbps: number | null;
  driver: string | null;
  enabled: boolean;
  bond: string | null;
  bondMode: string | null;
  ip: string | null;
};

export type NicWrite = NicValues & { row: number; id: number | null; deviceId: number; hostname: string; macChanges: boolean; audit: AuditNote };

export type NicsPlan = PlanBase & {
  creates: NicWrite[];
  updates: NicWrite[];
  // ids of the Nics that exist, by device id + "\0" + name (bonds are resolved through it)
  nicIds: Map<string, number>;
};

type Final = NicValues & { row: number; device: { id: number; hostname: string }; existing: NicState | null };

const nicKey = (deviceId: number, name: string) => `${deviceId}\u0000${name}`;

function auditValues(hostname: string, n: NicValues) {
  return {
    hostname,
    name: n.name,
    kind: n.kind,
    mac: n.mac ?? "",
    speed: formatSpeed(n.speedMbps),
    driver: n.driver ?? "",
    bond: n.bond ?? "",
    bond_mode: n.bondMode ?? "",
    enabled: n.enabled,
    ip: n.ip ?? "",
  };
}

export function planNics(rows: ValidRow<CsvNicRow>[], snapshot: NicsSnapshot, failed: Record<string, string | undefined>[] = []): NicsPlan {
  const existingByKey = new Map(snapshot.nics.map((n) => [nicKey(n.deviceId, n.name), n]));
  const plan: NicsPlan = { ...emptyPlan(), creates: [], updates: [], nicIds: new Map([...existingByKey].map(([k, n]) => [k, n.id])) };
  const issues = new Issues();
  const failedNics = new Set(failed.map((f) => `${(f.hostname ?? "").toLowerCase()}\u0000${f.name ?? ""}`));
  const finals: Final[] = [];
  const finalByKey = new Map<string, Final>();

  for (const { row, data } of rows) {
    const device = snapshot.devices.get(data.hostname.toLowerCase());
    if (!device) {
      issues.add(row, "hostname", `Device ${data.hostname} does not exist: add it in devices.csv first.`);
      continue;
    }
    const existing = existingByKey.get(nicKey(device.id, data.name)) ?? null;
    const kind = data.kind ?? existing?.kind ?? "nic";
    if (data.bond !== undefined && kind !== "nic") {
      issues.add(row, "bond", `Only a plain Nic (kind nic) can be a bond member; ${data.name} is a ${kind}.`);
      continue;
    }
    if (data.bond_mode !== undefined && kind !== "bond") {
      issues.add(row, "bond_mode", `Only a bond has a bond mode; ${data.name} is a ${kind}.`);
      continue;
    }
    const final: Final = {
      row,
      device,
      existing,
      name: data.name,
      kind,
      mac: data.mac ?? existing?.mac ?? null,
      speedMbps: data.speed ?? existing?.speedMbps ?? null,
      driver: data.driver ?? existing?.driver ?? null,
      enabled: data.enabled ?? existing?.enabled ?? true,
      // a Nic that stops being a plain Nic leaves its bond; one that stops being a bond loses its mode
      bond: data.bond ?? (kind === "nic" ? (existing?.bond ?? null) : null),
      bondMode: data.bond_mode ?? (kind === "bond" ? (existing?.bondMode ?? null) : null),
      ip: data.ip ?? existing?.ip ?? null,
    };
    finals.push(final);
    finalByKey.set(nicKey(device.id, data.name), final);
  }

  // the Nics of a device after the import: the database's, with the file's rows over them
  const finalNic = (deviceId: number, name: string): { kind: NicKind; bond: string | null; row: number | null } | null => {
    const f = finalByKey.get(nicKey(deviceId, name));
    if (f) return f;
    const e = existingByKey.get(nicKey(deviceId, name));
    return e ? { ...e, row: null } : null;
  };

  for (const f of finals) {
    if (f.bond !== null) {
      const bond = finalNic(f.device.id, f.bond);
      if (!bond) {
        if (!failedNics.has(`${f.device.hostname.toLowerCase()}\u0000${f.bond}`)) {
          issues.add(f.row, "bond", `${f.device.hostname} has no bond ${f.bond}: add a row for ${f.bond} with kind bond.`);
        }
        continue;
      }
      if (bond.kind !== "bond") {
        issues.add(f.row, "bond", `${f.bond} on ${f.device.hostname} is a ${bond.kind}, not a bond: give it kind bond.`);
        continue;
      }
    }
    if (f.existing?.kind === "bond" && f.kind !== "bond") {
      const members = [
        ...snapshot.nics.filter((n) => n.deviceId === f.device.id && n.bond === f.name && !finalByKey.has(nicKey(n.deviceId, n.name))).map((n) => n.name),
        ...finals.filter((m) => m.device.id === f.device.id && m.bond === f.name).map((m) => m.name),
      ];
      if (members.length) {
        issues.add(f.row, "kind", `${f.name} on ${f.device.hostname} is the bond of ${listNames(members)}: it stays a bond while it has members.`);
        continue;
      }
    }
  }

  // unique MACs: against Nics the file does not change, and against earlier rows
  const taken = new Map<string, string>();
  for (const [mac, holder] of snapshot.macs) {
    const inFile = finalByKey.get(nicKey(holder.deviceId, holder.name));
    if (!inFile) taken.set(mac, `${holder.hostname} ${holder.name}`);
  }
  for (const f of finals) {
    if (f.mac === null || issues.has(f.row)) continue;
    const holder = taken.get(f.mac);
    if (holder) {
      issues.add(f.row, "mac", `MAC ${f.mac} belongs to ${holder}: a MAC is unique.`);
      continue;
    }
    taken.set(f.mac, `${f.device.hostname} ${f.name} (row ${f.row})`);
  }

  for (const f of finals) {
    if (issues.has(f.row)) continue;
    const after = auditValues(f.device.hostname, f);
    const label = `${f.device.hostname} ${f.name}`;
    const base = {
      name: f.name,
      kind: f.kind,
      mac: f.mac,
      speedMbps: f.speedMbps,
      driver: f.driver,
      enabled: f.enabled,
      bond: f.bond,
      bondMode: f.bondMode,
      ip: f.ip,
      row: f.row,
      deviceId: f.device.id,
      hostname: f.device.hostname,
    };
    if (!f.existing) {
      plan.creates.push({ ...base, id: null, macChanges: false, audit: { objectType: "nic", objectLabel: label, before: null, after } });
      plan.outcomes.set(f.row, "create");
      continue;
    }
    const before = auditValues(f.device.hostname, f.existing);
    const outcome = compare(before, after);
    plan.outcomes.set(f.row, outcome);
    if (outcome === "update") {
      plan.updates.push({ ...base, id: f.existing.id, macChanges: f.existing.mac !== f.mac, audit: { objectType: "nic", objectLabel: label, before, after } });
    }
  }
  plan.issues = issues.list;
  return plan;
}
