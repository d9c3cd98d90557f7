import "server-only";
// Create, edit and delete one Nic of a device (a plain Nic, a bond or an oob port), from the same
// cells as nics.csv. A MAC or name held elsewhere is refused naming its holder; a bond that still
// has members keeps its kind. Deleting a cabled Nic deletes its cable too, and says so in the audit log.
import { formatSpeed } from "../schemas/csv-values";
import type { CsvNicRow } from "../schemas/csv-nics";
import type { AuditActor } from "./audit";
import { db } from "./client";
import { EditRefused, lockVersioned, refuse, rows, runEdit, updateVersioned, writeEditAudit, type EditOutcome, type EditTx } from "./edit-common";
import type { NicKind } from "./generated/enums";

export type NicEditValues = {
  id: number;
  version: number;
  hostname: string;
  name: string;
  kind: NicKind;
  mac: string | null;
  speedMbps: number | null;
  driver: string | null;
  bond: string | null;
  bondMode: string | null;
  enabled: boolean;
  ip: string | null;
};

export async function getNicForEdit({ id }: { id: number }): Promise<NicEditValues | null> {
  const n = await db().nic.findUnique({
    where: { id },
    select: {
      id: true,
      version: true,
      name: true,
      kind: true,
      mac: true,
      speedMbps: true,
      driver: true,
      bondMode: true,
      enabled: true,
      ip: true,
      device: { select: { hostname: true } },
      bond: { select: { name: true } },
    },
  });
  if (!n) return null;
  const { device, bond, ...rest } = n;
  return { ...rest, hostname: device.hostname, bond: bond?.name ?? null };
}

// the bonds of a device a Nic may join
export async function listBondNames({ hostname }: { hostname: string }): Promise<string[]> {
  const bonds = await db().nic.findMany({ where: { kind: "bond", device: { hostname } }, orderBy: { name: "asc" }, select: { name: true } });
  return bonds.map((b) => b.name);
}

async function nicState(tx: EditTx, id: number) {
  const [n] = await rows<{ hostname: string; name: string; kind: string; mac: string | null; speed_mbps: number | null; driver: string | null; bond: string | null; bond_mode: string | null; enabled: boolean; ip: string | null }>(
    tx,
    `SELECT d.hostname, n.name, n.kind::text AS kind, n.mac, n.speed_mbps, n.driver, b.name AS bond, n.bond_mode, n.enabled, n.ip
       FROM nic n JOIN device d ON d.id = n.device_id LEFT JOIN nic b ON b.id = n.bond_id WHERE n.id = $1`,
    [id],
  );
  const x = n!;
  // the fields of a nics.csv import's audit entries
  return {
    hostname: x.hostname,
    name: x.name,
    kind: x.kind,
    mac: x.mac ?? "",
    speed: formatSpeed(x.speed_mbps),
    driver: x.driver ?? "",
    bond: x.bond ?? "",
    bond_mode: x.bond_mode ?? "",
    enabled: x.enabled,
    ip: x.ip ?? "",
  };
}

const FIELD_OF: Record<string, string> = {
  nic_mac_key: "mac",
  nic_mac_format: "mac",
  nic_device_name_key: "name",
  nic_name_not_blank: "name",
  nic_bond_same_device: "bond",
  nic_bond_member_kind: "bond",
  nic_bond_mode_on_bond: "bond_mode",
  nic_bond_not_self: "bond",
  nic_speed_positive: "speed",
};

export type NicInput = Omit<CsvNicRow, "hostname">;

export async function saveNic(options: { hostname: string; id?: number; version?: number; input: NicInput; actor: AuditActor }): Promise<EditOutcome<{ hostname: string }>> {
  const { input } = options;
  return runEdit(
    options.actor,
    async (tx) => {
      const [device] = await rows<{ id: number; hostname: string }>(tx, "SELECT id, hostname FROM device WHERE lower(hostname) = lower($1) FOR SHARE", [options.hostname]);
      if (!device) throw new EditRefused({ ok: false, reason: "not_found", message: `There is no device named ${options.hostname}.` });
      const existing =
        options.id !== undefined
          ? await lockVersioned<{ id: number; version: number; device_id: number }>(tx, {
              table: "nic",
              objectType: "nic",
              id: options.id,
              version: options.version ?? 0,
              select: "t.id, t.version, t.device_id",
              what: "interface",
            })
          : null;
      if (existing && existing.device_id !== device.id) throw new EditRefused({ ok: false, reason: "not_found", message: "That interface belongs to another device." });
      const before = existing ? await nicState(tx, existing.id) : null;
      const kind = input.kind ?? "nic";

      const [namesake] = await rows(tx, "SELECT 1 FROM nic WHERE device_id = $1 AND name = $2 AND id IS DISTINCT FROM $3", [device.id, input.name, existing?.id ?? null]);
      if (namesake) refuse(`${device.hostname} already has an interface named ${input.name}.`, "name");
      if (input.mac !== undefined) {
        const [holder] = await rows<{ hostname: string; name: string }>(
          tx,
          "SELECT d.hostname, n.name FROM nic n JOIN device d ON d.id = n.device_id WHERE n.mac = $1 AND n.id IS DISTINCT FROM $2",
          [input.mac, existing?.id ?? null],
        );
        if (holder) refuse(`The MAC address ${input.mac} belongs to ${holder.hostname} ${holder.name}.`, "mac");
      }
      let bondId: number | null = null;
      if (input.bond !== undefined) {
        const [bond] = await rows<{ id: number; kind: NicKind }>(tx, "SELECT id, kind::text AS kind FROM nic WHERE device_id = $1 AND name = $2", [device.id, input.bond]);
        if (!bond) refuse(`${device.hostname} has no interface named ${input.bond}.`, "bond");
        if (bond.kind !== "bond") refuse(`${input.bond} is not a bond.`, "bond");
        bondId = bond.id;
      }
      if (existing && kind !== "bond") {
        const members = await rows<{ name: string }>(tx, "SELECT name FROM nic WHERE bond_id = $1 ORDER BY name", [existing.id]);
        if (members.length) refuse(`${input.name} has members (${members.map((m) => m.name).join(", ")}): take them out of the bond before changing its kind.`, "kind");
      }

      const values: Record<string, unknown> = {
        name: input.name,
        kind,
        mac: input.mac ?? null,
        speed_mbps: input.speed ?? null,
        driver: input.driver ?? null,
        bond_id: bondId,
        bond_mode: input.bond_mode ?? null,
        enabled: input.enabled ?? true,
        ip: input.ip ?? null,
      };
      const casts = { kind: "nic_kind", ip: "inet" };
      let id: number;
      if (existing) {
        id = existing.id;
        await updateVersioned(tx, { table: "nic", id, version: existing.version, set: values, casts });
      } else {
        const names = Object.keys(values);
        const [created] = await rows<{ id: number }>(
          tx,
          `INSERT INTO nic (device_id, ${names.join(", ")}) VALUES ($1, ${names.map((n, i) => `$${i + 2}${n in casts ? `::${casts[n as keyof typeof casts]}` : ""}`).join(", ")}) RETURNING id`,
          [device.id, ...names.map((n) => values[n])],
        );
        id = created!.id;
      }
      const after = await nicState(tx, id);
      await writeEditAudit(tx, { action: existing ? "update" : "create", objectType: "nic", objectId: id, objectLabel: `${device.hostname} ${input.name}`, before, after });
      return { hostname: device.hostname };
    },
    (constraint) => (constraint ? (FIELD_OF[constraint] ?? null) : null),
  );
}

export async function deleteNic(options: { id: number; version: number; actor: AuditActor }): Promise<EditOutcome<{ hostname: string }>> {
  return runEdit(options.actor, async (tx) => {
    await lockVersioned(tx, { table: "nic", objectType: "nic", id: options.id, version: options.version, select: "t.id, t.version", what: "interface" });
    const before = await nicState(tx, options.id);
    const [cable] = await rows<{ id: number; label: string | null; a: string; b: string }>(
      tx,
      `SELECT c.id, c.label, ad.hostname || ' ' || an.name AS a, bd.hostname || ' ' || bn.name AS b
         FROM cable c JOIN nic an ON an.id = c.a_nic_id JOIN device ad ON ad.id = an.device_id
         JOIN nic bn ON bn.id = c.b_nic_id JOIN device bd ON bd.id = bn.device_id
        WHERE c.a_nic_id = $1 OR c.b_nic_id = $1`,
      [options.id],
    );
    const result = await tx.client.query("DELETE FROM nic WHERE id = $1 AND version = $2", [options.id, options.version]);
    if (result.rowCount !== 1) throw new EditRefused({ ok: false, reason: "not_found", message: "That interface no longer exists: someone deleted it." });
    const label = `${before.hostname} ${before.name}`;
    await writeEditAudit(tx, { action: "delete", objectType: "nic", objectId: options.id, objectLabel: label, before, after: null });
    if (cable) {
      await writeEditAudit(tx, {
        action: "delete",
        objectType: "cable",
        objectId: cable.id,
        objectLabel: cable.label ?? `${cable.a} – ${cable.b}`,
        before: { a: cable.a, b: cable.b, label: cable.label ?? "", deleted_with: label },
        after: null,
      });
    }
    return { hostname: before.hostname };
  });
}
