// cables.csv: a_host, a_port, b_host, b_port, label. A row is keyed by its label, or by its a-end
// when it has none. A port is on at most one cable; a port missing on a switch is created (listed
// under alsoCreated), a port missing on anything else is an error (add it in nics.csv).
import type { CsvCableRow } from "../schemas/csv-cables";
import { compare, emptyPlan, Issues, type AuditNote, type PlanBase } from "./plan-common";
import type { ValidRow } from "./validate";

export type CableDevice = { id: number; hostname: string; kind: string };
export type CableNic = { id: number; deviceId: number; name: string };
export type CableState = {
  id: number;
  aNicId: number;
  bNicId: number;
  label: string | null;
  createdAt: Date;
  version: number;
  a: { hostname: string; name: string };
  b: { hostname: string; name: string };
};

export type CablesSnapshot = {
  // the devices the file names, by lower-case hostname
  devices: Map<string, CableDevice>;
  // their Nics, by device id + "\0" + name
  nics: Map<string, CableNic>;
  // every cable on those Nics, and every cable with a label the file gives
  cables: CableState[];
};

// one end of a cable: an existing Nic, or a switch port this import creates
export type CableEnd = { nicId: number | null; deviceId: number; hostname: string; name: string };

export type CableWrite = {
  row: number;
  id: number | null;
  a: CableEnd;
  b: CableEnd;
  label: string | null;
  createdAt: Date | null;
  version: number;
  audit: AuditNote;
};

export type PortWrite = { row: number; deviceId: number; hostname: string; name: string; id: number | null };

export type CablesPlan = PlanBase & { ports: PortWrite[]; creates: CableWrite[]; updates: CableWrite[] };

const portKey = (deviceId: number, name: string) => `${deviceId}\u0000${name}`;
const endKey = (e: CableEnd) => (e.nicId !== null ? `nic:${e.nicId}` : `new:${portKey(e.deviceId, e.name)}`);
const endName = (e: { hostname: string; name: string }) => `${e.hostname} ${e.name}`;

function auditValues(a: { hostname: string; name: string }, b: { hostname: string; name: string }, label: string | null) {
  return { a_host: a.hostname, a_port: a.name, b_host: b.hostname, b_port: b.name, label: label ?? "" };
}

export function planCables(rows: ValidRow<CsvCableRow>[], snapshot: CablesSnapshot): CablesPlan {
  const plan: CablesPlan = { ...emptyPlan(), ports: [], creates: [], updates: [] };
  const issues = new Issues();
  const byLabel = new Map(snapshot.cables.filter((c) => c.label !== null).map((c) => [c.label!, c]));
  const byNic = new Map<number, CableState>();
  for (const c of snapshot.cables) {
    byNic.set(c.aNicId, c);
    byNic.set(c.bNicId, c);
  }

  const resolve = (row: number, side: "a" | "b", host: string | undefined, port: string | undefined): CableEnd | null | undefined => {
    if (host === undefined || port === undefined) return undefined;
    const device = snapshot.devices.get(host.toLowerCase());
    if (!device) {
      issues.add(row, `${side}_host`, `Device ${host} does not exist: add it in devices.csv first.`);
      return null;
    }
    const nic = snapshot.nics.get(portKey(device.id, port));
    if (nic) return { nicId: nic.id, deviceId: device.id, hostname: device.hostname, name: nic.name };
    if (device.kind === "switch") return { nicId: null, deviceId: device.id, hostname: device.hostname, name: port };
    issues.add(row, `${side}_port`, `${device.hostname} has no port ${port}: add it in nics.csv first (only a switch's missing ports are created).`);
    return null;
  };

  type Final = { row: number; a: CableEnd; b: CableEnd; label: string | null; existing: CableState | null };
  const finals: Final[] = [];
  // two rows with different keys can still name one cable (its label, then its a-end)
  const rowOfCable = new Map<number, number>();
  for (const { row, data } of rows) {
    const a = resolve(row, "a", data.a_host, data.a_port);
    const b = resolve(row, "b", data.b_host, data.b_port);
    if (a === null || b === null) continue;

    let existing: CableState | null = null;
    if (data.label !== undefined) {
      existing = byLabel.get(data.label) ?? null;
      if (!existing && a?.nicId != null && b?.nicId != null) {
        // an unlabelled cable between exactly these ports is this one, getting its label
        const on = byNic.get(a.nicId);
        if (on && on.label === null && sameEnds(on, a.nicId, b.nicId)) existing = on;
      }
    } else if (a?.nicId != null) {
      existing = byNic.get(a.nicId) ?? null;
    }

    if (existing) {
      const first = rowOfCable.get(existing.id);
      if (first !== undefined) {
        issues.add(row, data.label !== undefined ? "label" : "a_port", `This is the cable ${endName(existing.a)} - ${endName(existing.b)} again, already on row ${first}: each cable is one row.`);
        continue;
      }
      rowOfCable.set(existing.id, row);
    }

    let finalA: CableEnd;
    let finalB: CableEnd;
    if (existing) {
      const current = endsOf(existing, snapshot);
      finalA = a ?? current.a;
      finalB = b ?? current.b;
      // the same two ports the other way round are the same cable
      if (a && b && a.nicId !== null && b.nicId !== null && sameEnds(existing, a.nicId, b.nicId)) {
        finalA = current.a;
        finalB = current.b;
      }
    } else {
      if (!a) {
        issues.add(row, "a_host", `There is no cable labelled ${data.label}: give both ends (a_host, a_port, b_host, b_port) to create it.`);
        continue;
      }
      if (!b) {
        issues.add(row, "b_host", "A new cable needs both ends: give b_host and b_port.");
        continue;
      }
      finalA = a;
      finalB = b;
    }
    if (endKey(finalA) === endKey(finalB)) {
      issues.add(row, "b_port", "A cable connects two different ports.");
      continue;
    }
    finals.push({ row, a: finalA, b: finalB, label: data.label ?? existing?.label ?? null, existing });
  }

  // one cable per port: against cables the file does not touch, and against earlier rows
  const touched = new Set(finals.flatMap((f) => (f.existing ? [f.existing.id] : [])));
  const holder = new Map<string, string>();
  for (const c of snapshot.cables) {
    if (touched.has(c.id)) continue;
    const label = c.label ? ` (cable ${c.label})` : "";
    holder.set(`nic:${c.aNicId}`, `${endName(c.b)}${label}`);
    holder.set(`nic:${c.bNicId}`, `${endName(c.a)}${label}`);
  }
  for (const f of finals) {
    for (const [side, end, other] of [
      ["a", f.a, f.b],
      ["b", f.b, f.a],
    ] as const) {
      const taken = holder.get(endKey(end));
      if (taken) {
        issues.add(f.row, `${side}_port`, `${endName(end)} is already cabled to ${taken}.`);
      } else {
        holder.set(endKey(end), `${endName(other)} (row ${f.row})`);
      }
    }
  }

  const ports = new Map<string, PortWrite>();
  for (const f of finals) {
    if (issues.has(f.row)) continue;
    for (const end of [f.a, f.b]) {
      if (end.nicId === null && !ports.has(portKey(end.deviceId, end.name))) {
        const port: PortWrite = { row: f.row, deviceId: end.deviceId, hostname: end.hostname, name: end.name, id: null };
        ports.set(portKey(end.deviceId, end.name), port);
        plan.ports.push(port);
        plan.alsoCreated.push({ type: "switch_port", key: endName(end) });
      }
    }
    const after = auditValues(f.a, f.b, f.label);
    const label = f.label ?? `${endName(f.a)} - ${endName(f.b)}`;
    if (!f.existing) {
      plan.creates.push({ row: f.row, id: null, a: f.a, b: f.b, label: f.label, createdAt: null, version: 1, audit: { objectType: "cable", objectLabel: label, before: null, after } });
      plan.outcomes.set(f.row, "create");
      continue;
    }
    const before = auditValues(f.existing.a, f.existing.b, f.existing.label);
    const outcome = compare(before, after);
    plan.outcomes.set(f.row, outcome);
    if (outcome === "update") {
      plan.updates.push({
        row: f.row,
        id: f.existing.id,
        a: f.a,
        b: f.b,
        label: f.label,
        createdAt: f.existing.createdAt,
        version: f.existing.version + 1,
        audit: { objectType: "cable", objectLabel: label, before, after },
      });
    }
  }
  plan.issues = issues.list;
  return plan;
}

function sameEnds(c: CableState, x: number, y: number): boolean {
  return (c.aNicId === x && c.bNicId === y) || (c.aNicId === y && c.bNicId === x);
}

function endsOf(c: CableState, snapshot: CablesSnapshot): { a: CableEnd; b: CableEnd } {
  const end = (nicId: number, named: { hostname: string; name: string }): CableEnd => {
    const device = snapshot.devices.get(named.hostname.toLowerCase());
    return { nicId, deviceId: device?.id ?? -1, hostname: named.hostname, name: named.name };
  };
  return { a: end(c.aNicId, c.a), b: end(c.bNicId, c.b) };
}
