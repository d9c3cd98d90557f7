import "server-only";
// nics.csv against the database: the file's devices with all their Nics (so bonds resolve by
// name), the holders of the MACs the file gives; and the writes of a plan.
import type { NicsPlan, NicsSnapshot, NicState, NicWrite } from "../import/plan-nics";
import type { ValidRow } from "../import/validate";
import type { CsvNicRow } from "../schemas/csv-nics";
import { query, runBatched, writeAudit, type ImportTx, type Locate } from "./import-sql";

export async function loadNicsSnapshot(tx: ImportTx, rows: ValidRow<CsvNicRow>[]): Promise<NicsSnapshot> {
  const hostnames = [...new Set(rows.map((r) => r.data.hostname.toLowerCase()))];
  const devices = new Map<string, { id: number; hostname: string }>();
  for (const d of await query<{ id: number; hostname: string }>(tx, "SELECT id, hostname FROM device WHERE lower(hostname) IN (SELECT unnest($1::text[]))", [hostnames])) {
    devices.set(d.hostname.toLowerCase(), d);
  }
  const nics = (
    await query<{
      id: number;
      device_id: number;
      name: string;
      kind: NicState["kind"];
      mac: string | null;
      speed_mbps: number | null;
      driver: string | null;
      enabled: boolean;
      bond: string | null;
      bond_mode: string | null;
      ip: string | null;
    }>(
      tx,
      `SELECT n.id, n.device_id, n.name, n.kind::text AS kind, n.mac, n.speed_mbps, n.driver, n.enabled, b.name AS bond, n.bond_mode, n.ip
         FROM nic n LEFT JOIN nic b ON b.id = n.bond_id
        WHERE n.device_id IN (SELECT unnest($1::int[]))`,
      [[...devices.values()].map((d) => d.id)],
    )
  ).map((n) => ({
    id: n.id,
    deviceId: n.device_id,
    name: n.name,
    kind: n.kind,
    mac: n.mac,
    speedMbps: n.speed_mbps,
    driver: n.driver,
    enabled: n.enabled,
    bond: n.bond,
    bondMode: n.bond_mode,
    ip: n.ip,
  }));
  const wanted = [...new Set(rows.flatMap((r) => (r.data.mac ? [r.data.mac] : [])))];
  const macs = new Map<string, { deviceId: number; hostname: string; name: string }>();
  if (wanted.length) {
    for (const m of await query<{ mac: string; device_id: number; hostname: string; name: string }>(
      tx,
      "SELECT n.mac, n.device_id, d.hostname, n.name FROM nic n JOIN device d ON d.id = n.device_id WHERE n.mac IN (SELECT unnest($1::text[]))",
      [wanted],
    )) {
      macs.set(m.mac, { deviceId: m.device_id, hostname: m.hostname, name: m.name });
    }
  }
  return { devices, nics, macs };
}

const NIC_COLUMNS: Record<string, string> = {
  nic_mac_key: "mac",
  nic_mac_format: "mac",
  nic_device_name_key: "name",
  nic_name_not_blank: "name",
  nic_bond_same_device: "bond",
  nic_bond_member_kind: "bond",
  nic_bond_not_self: "bond",
  nic_bond_mode_on_bond: "bond_mode",
  nic_speed_positive: "speed",
};

const locate: Locate<NicWrite> = { rowOf: (n) => n.row, columnOf: (c) => (c ? (NIC_COLUMNS[c] ?? null) : null) };

const VALUES = `unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::bool[], $9::int[], $10::text[], $11::text[])
  AS u(id, device_id, name, kind, mac, speed_mbps, driver, enabled, bond_id, bond_mode, ip)`;

function values(batch: readonly NicWrite[], bondId: (n: NicWrite) => number | null): unknown[] {
  return [
    batch.map((n) => n.id),
    batch.map((n) => n.deviceId),
    batch.map((n) => n.name),
    batch.map((n) => n.kind),
    batch.map((n) => n.mac),
    batch.map((n) => n.speedMbps),
    batch.map((n) => n.driver),
    batch.map((n) => n.enabled),
    batch.map(bondId),
    batch.map((n) => n.bondMode),
    batch.map((n) => n.ip),
  ];
}

export async function applyNicsPlan(tx: ImportTx, plan: NicsPlan): Promise<void> {
  // MACs that move between Nics within the file are let go first, so row order never matters
  await runBatched(
    tx,
    plan.updates.filter((n) => n.macChanges),
    (batch) => ({ text: "UPDATE nic SET mac = NULL WHERE id IN (SELECT unnest($1::int[]))", values: [batch.map((n) => n.id)] }),
    locate,
  );
  const ids = plan.nicIds;
  const bondId = (n: NicWrite) => (n.bond === null ? null : (ids.get(`${n.deviceId}\u0000${n.bond}`) ?? null));
  // bonds and unbonded Nics first, then the members pointing at their (possibly new) bond
  for (const batch of [plan.creates.filter((n) => n.bond === null), plan.creates.filter((n) => n.bond !== null)]) {
    const created = await runBatched(
      tx,
      batch,
      (rows) => ({
        text: `INSERT INTO nic (device_id, name, kind, mac, speed_mbps, driver, enabled, bond_id, bond_mode, ip)
               SELECT u.device_id, u.name, u.kind::nic_kind, u.mac, u.speed_mbps, u.driver, u.enabled, u.bond_id, u.bond_mode, u.ip::inet FROM ${VALUES}
               RETURNING id, device_id, name`,
        values: values(rows, bondId),
      }),
      locate,
    );
    for (const [id, deviceId, name] of created) ids.set(`${deviceId}\u0000${name}`, id as number);
    for (const n of batch) n.id = ids.get(`${n.deviceId}\u0000${n.name}`)!;
  }
  await runBatched(
    tx,
    plan.updates,
    (batch) => ({
      text: `UPDATE nic AS t SET kind = u.kind::nic_kind, mac = u.mac, speed_mbps = u.speed_mbps, driver = u.driver, enabled = u.enabled,
                    bond_id = u.bond_id, bond_mode = u.bond_mode, ip = u.ip::inet, version = t.version + 1, updated_at = CURRENT_TIMESTAMP
               FROM ${VALUES} WHERE t.id = u.id`,
      values: values(batch, bondId),
    }),
    locate,
  );

  await writeAudit(tx, [
    ...plan.creates.map((n) => ({ action: "create" as const, objectType: "nic", objectId: n.id!, objectLabel: n.audit.objectLabel, before: null, after: n.audit.after })),
    ...plan.updates.map((n) => ({ action: "update" as const, objectType: "nic", objectId: n.id!, objectLabel: n.audit.objectLabel, before: n.audit.before, after: n.audit.after })),
  ]);
}
