import "server-only";
// devices.csv against the database: the models, sites and cabinets (with feed names) rows refer
// to, the file's devices and chassis as they are now, who occupies the cabinets and bays involved,
// who holds the service and asset tags the file gives; and the writes of a plan.
import type { CabinetInfo, DevicesPlan, DevicesSnapshot, DeviceState, DeviceWrite, ModelInfo } from "../import/plan-devices";
import type { ValidRow } from "../import/validate";
import type { CsvDeviceRow } from "../schemas/csv-devices";
import { checkDeferredConstraints, query, runBatched, writeAudit, type ImportTx, type Locate } from "./import-sql";

export async function loadDevicesSnapshot(tx: ImportTx, rows: ValidRow<CsvDeviceRow>[]): Promise<DevicesSnapshot> {
  const models = new Map<string, ModelInfo>();
  const modelById = new Map<number, ModelInfo>();
  for (const m of await query<{ id: number; name: string; kind: ModelInfo["kind"]; height_u: number; full_depth: boolean; bays: number }>(
    tx,
    "SELECT id, name, kind::text AS kind, height_u, full_depth, bays FROM model",
  )) {
    const info: ModelInfo = { id: m.id, name: m.name, kind: m.kind, heightU: m.height_u, fullDepth: m.full_depth, bays: m.bays };
    models.set(m.name, info);
    modelById.set(m.id, info);
  }
  const sites = new Map<string, number>();
  const siteById = new Map<number, string>();
  for (const s of await query<{ id: number; name: string }>(tx, "SELECT id, name FROM site")) {
    sites.set(s.name, s.id);
    siteById.set(s.id, s.name);
  }
  const cabinets = new Map<string, CabinetInfo>();
  const cabinetById = new Map<number, CabinetInfo>();
  for (const c of await query<{ id: number; site_id: number; name: string; height_u: number }>(tx, "SELECT id, site_id, name, height_u FROM cabinet")) {
    const info: CabinetInfo = { id: c.id, siteId: c.site_id, site: siteById.get(c.site_id)!, name: c.name, heightU: c.height_u, feeds: [] };
    cabinets.set(`${info.site}\u0000${info.name}`, info);
    cabinetById.set(c.id, info);
  }
  for (const f of await query<{ cabinet_id: number; name: string }>(tx, "SELECT cabinet_id, name FROM power_feed ORDER BY name")) {
    cabinetById.get(f.cabinet_id)!.feeds.push(f.name);
  }

  const hostnames = [...new Set(rows.flatMap((r) => [r.data.hostname, ...(r.data.chassis ? [r.data.chassis] : [])]).map((h) => h.toLowerCase()))];
  const devices = new Map<string, DeviceState>();
  for (const d of await query<{
    id: number;
    hostname: string;
    model_id: number;
    role: string;
    status: DeviceState["status"];
    serial: string | null;
    asset_tag: string | null;
    site_id: number | null;
    cabinet_id: number | null;
    u_low: number | null;
    face: DeviceState["face"];
    chassis_id: number | null;
    chassis: string | null;
    bay: number | null;
    primary_ip: string | null;
    oob_ip: string | null;
    os: string;
    notes: string;
  }>(
    tx,
    `SELECT d.id, d.hostname, d.model_id, d.role, d.status::text AS status, d.serial, d.asset_tag, d.site_id, d.cabinet_id,
            d.u_low, d.face::text AS face, d.chassis_id, ch.hostname AS chassis, d.bay, d.primary_ip, d.oob_ip, d.os, d.notes
       FROM device d LEFT JOIN device ch ON ch.id = d.chassis_id
      WHERE d.id IN (
              WITH named AS (SELECT x.id, x.chassis_id FROM device x JOIN unnest($1::text[]) AS h(name) ON lower(x.hostname) = h.name)
              SELECT id FROM named UNION SELECT chassis_id FROM named WHERE chassis_id IS NOT NULL)`,
    [hostnames],
  )) {
    devices.set(d.hostname.toLowerCase(), {
      id: d.id,
      hostname: d.hostname,
      modelId: d.model_id,
      role: d.role,
      status: d.status,
      serial: d.serial,
      assetTag: d.asset_tag,
      siteId: d.site_id,
      cabinetId: d.cabinet_id,
      uLow: d.u_low,
      face: d.face,
      chassisId: d.chassis_id,
      chassis: d.chassis,
      bay: d.bay,
      primaryIp: d.primary_ip,
      oobIp: d.oob_ip,
      os: d.os,
      notes: d.notes,
      power: [],
    });
  }
  const byId = new Map([...devices.values()].map((d) => [d.id, d]));
  for (const p of await query<{ device_id: number; name: string }>(
    tx,
    "SELECT p.device_id, f.name FROM device_power p JOIN power_feed f ON f.id = p.feed_id WHERE p.device_id IN (SELECT unnest($1::int[])) ORDER BY f.name",
    [[...byId.keys()]],
  )) {
    byId.get(p.device_id)!.power.push(p.name);
  }

  const cabinetIds = new Set<number>();
  for (const r of rows) {
    if (r.data.site && r.data.cabinet) {
      const c = cabinets.get(`${r.data.site}\u0000${r.data.cabinet}`);
      if (c) cabinetIds.add(c.id);
    }
  }
  for (const d of devices.values()) if (d.cabinetId !== null) cabinetIds.add(d.cabinetId);
  const racked = (
    await query<{ hostname: string; cabinet_id: number; u_low: number; u_height: number; face: "front" | "rear"; full_depth: boolean }>(
      tx,
      "SELECT hostname, cabinet_id, u_low, u_height, face::text AS face, full_depth FROM device WHERE cabinet_id IN (SELECT unnest($1::int[]))",
      [[...cabinetIds]],
    )
  ).map((d) => ({ hostname: d.hostname, cabinetId: d.cabinet_id, uLow: d.u_low, uHeight: d.u_height, face: d.face, fullDepth: d.full_depth }));

  const chassisIds = [...devices.values()].filter((d) => modelById.get(d.modelId)?.kind === "chassis").map((d) => d.id);
  const sleds = (
    await query<{ chassis_id: number; hostname: string; bay: number }>(
      tx,
      "SELECT chassis_id, hostname, bay FROM device WHERE chassis_id IN (SELECT unnest($1::int[]))",
      [chassisIds],
    )
  ).map((s) => ({ chassisId: s.chassis_id, hostname: s.hostname, bay: s.bay }));

  const tags = async (column: "serial" | "asset_tag", values: (string | undefined)[]) => {
    const wanted = [...new Set(values.filter((v): v is string => v !== undefined).map((v) => v.toUpperCase()))];
    const holders = new Map<string, string>();
    if (wanted.length === 0) return holders;
    for (const h of await query<{ tag: string; hostname: string }>(
      tx,
      `SELECT upper(${column}) AS tag, hostname FROM device WHERE upper(${column}) IN (SELECT unnest($1::text[]))`,
      [wanted],
    )) {
      holders.set(h.tag, h.hostname);
    }
    return holders;
  };
  const serials = await tags("serial", rows.map((r) => r.data.serial));
  const assetTags = await tags("asset_tag", rows.map((r) => r.data.asset_tag));

  return { models, modelById, sites, siteById, cabinets, cabinetById, devices, racked, sleds, serials, assetTags };
}

const DEVICE_COLUMNS: Record<string, string> = {
  device_no_overlap_front: "u",
  device_no_overlap_rear: "u",
  device_u_fits_cabinet: "u",
  device_u_positive: "u",
  device_racked_needs_height: "model",
  device_bay_needs_sled: "model",
  device_chassis_is_chassis: "chassis",
  device_not_own_chassis: "chassis",
  device_bay_exists: "bay",
  device_bay_positive: "bay",
  device_one_sled_per_bay: "bay",
  device_placement: "cabinet",
  device_cabinet_in_site: "site",
  device_hostname_key: "hostname",
  device_hostname_ci_key: "hostname",
  device_hostname_format: "hostname",
  device_serial_key: "serial",
  device_serial_not_blank: "serial",
  device_asset_tag_key: "asset_tag",
  device_asset_tag_not_blank: "asset_tag",
  device_power_feed_in_cabinet: "power",
  device_model_id_fkey: "model",
};

const locate: Locate<DeviceWrite> = { rowOf: (d) => d.row, columnOf: (c) => (c ? (DEVICE_COLUMNS[c] ?? null) : null) };

// the final values of a device, as unnest parameters; the chassis is looked up by hostname in the
// statement, so a sled may sit in a chassis created a statement earlier
const VALUES = `unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[], $10::int[],
  $11::text[], $12::text[], $13::int[], $14::text[], $15::text[], $16::text[], $17::text[])
  AS u(id, hostname, model_id, role, status, serial, asset_tag, site_id, cabinet_id, u_low, face, chassis, bay, primary_ip, oob_ip, os, notes)`;
const CHASSIS_ID = `(SELECT c.id FROM device c WHERE lower(c.hostname) = lower(u.chassis))`;

function values(batch: readonly DeviceWrite[]): unknown[] {
  return [
    batch.map((d) => d.id),
    batch.map((d) => d.hostname),
    batch.map((d) => d.modelId),
    batch.map((d) => d.role),
    batch.map((d) => d.status),
    batch.map((d) => d.serial),
    batch.map((d) => d.assetTag),
    batch.map((d) => d.siteId),
    batch.map((d) => d.cabinetId),
    batch.map((d) => d.uLow),
    batch.map((d) => d.face),
    batch.map((d) => d.chassis),
    batch.map((d) => d.bay),
    batch.map((d) => d.primaryIp),
    batch.map((d) => d.oobIp),
    batch.map((d) => d.os),
    batch.map((d) => d.notes),
  ];
}

const insertDevices = (batch: readonly DeviceWrite[]) => ({
  text: `INSERT INTO device (hostname, model_id, role, status, serial, asset_tag, site_id, cabinet_id, u_low, face, chassis_id, bay, primary_ip, oob_ip, os, notes)
         SELECT u.hostname, u.model_id, u.role, u.status::device_status, u.serial, u.asset_tag, u.site_id, u.cabinet_id, u.u_low, u.face::face,
                ${CHASSIS_ID}, u.bay, u.primary_ip::inet, u.oob_ip::inet, u.os, u.notes
           FROM ${VALUES}
         RETURNING id, hostname`,
  values: values(batch),
});

const updateDevices = (batch: readonly DeviceWrite[]) => ({
  text: `UPDATE device AS t SET model_id = u.model_id, role = u.role, status = u.status::device_status, serial = u.serial, asset_tag = u.asset_tag,
                site_id = u.site_id, cabinet_id = u.cabinet_id, u_low = u.u_low, face = u.face::face, chassis_id = ${CHASSIS_ID}, bay = u.bay,
                primary_ip = u.primary_ip::inet, oob_ip = u.oob_ip::inet, os = u.os, notes = u.notes,
                version = t.version + 1, updated_at = CURRENT_TIMESTAMP
           FROM ${VALUES}
          WHERE t.id = u.id`,
  values: values(batch),
});

// Devices that move (or swap tags) within one import are first taken out of their old place, so
// the order of the rows never matters: a swap of two devices' units passes like any other move.
const clearOld = (batch: readonly DeviceWrite[]) => ({
  text: `UPDATE device AS t SET
           cabinet_id = CASE WHEN u.moves THEN NULL ELSE t.cabinet_id END,
           u_low = CASE WHEN u.moves THEN NULL ELSE t.u_low END,
           face = CASE WHEN u.moves THEN NULL ELSE t.face END,
           chassis_id = CASE WHEN u.moves THEN NULL ELSE t.chassis_id END,
           bay = CASE WHEN u.moves THEN NULL ELSE t.bay END,
           serial = CASE WHEN u.serial THEN NULL ELSE t.serial END,
           asset_tag = CASE WHEN u.asset_tag THEN NULL ELSE t.asset_tag END
         FROM unnest($1::int[], $2::bool[], $3::bool[], $4::bool[]) AS u(id, moves, serial, asset_tag)
        WHERE t.id = u.id`,
  values: [batch.map((d) => d.id), batch.map((d) => d.moves), batch.map((d) => d.serialChanges), batch.map((d) => d.assetTagChanges)],
});

export async function applyDevicesPlan(tx: ImportTx, plan: DevicesPlan): Promise<void> {
  // Power rows of devices that move or change power go first and come back last, after the
  // deferred "power follows the move" checks have run against the devices' final places (a check
  // sees the device as its update left it, so one that passes through "unplaced" on its way must
  // hold no power rows until every move is done).
  const repowered = plan.updates.filter((d) => d.moves || d.powerChanges);
  await runBatched(
    tx,
    repowered,
    (batch) => ({ text: "DELETE FROM device_power WHERE device_id IN (SELECT unnest($1::int[]))", values: [batch.map((d) => d.id)] }),
    locate,
  );
  const clearing = plan.updates.filter((d) => d.moves || d.serialChanges || d.assetTagChanges);
  await runBatched(tx, clearing, clearOld, locate);

  // chassis (and everything racked or unplaced) before the sleds that sit in them
  for (const batch of [plan.creates.filter((d) => d.chassis === null), plan.creates.filter((d) => d.chassis !== null)]) {
    const created = await runBatched(tx, batch, insertDevices, locate);
    const ids = new Map(created.map(([id, hostname]) => [hostname as string, id as number]));
    for (const d of batch) d.id = ids.get(d.hostname)!;
  }
  await runBatched(tx, plan.updates, updateDevices, locate);
  await checkDeferredConstraints(tx);

  const feeds = [...plan.creates, ...repowered].flatMap((d) => d.power.map((feed) => ({ device: d, feed })));
  await runBatched(
    tx,
    feeds,
    (batch) => ({
      text: `INSERT INTO device_power (device_id, feed_id)
             SELECT u.device_id, f.id FROM unnest($1::int[], $2::text[]) AS u(device_id, feed)
               JOIN device d ON d.id = u.device_id
               JOIN power_feed f ON f.cabinet_id = d.cabinet_id AND f.name = u.feed`,
      values: [batch.map((p) => p.device.id), batch.map((p) => p.feed)],
    }),
    { rowOf: (p) => p.device.row, columnOf: () => "power" },
  );

  await writeAudit(tx, [
    ...plan.creates.map((d) => ({ action: "create" as const, objectType: "device", objectId: d.id!, objectLabel: d.hostname, before: null, after: d.audit.after })),
    ...plan.updates.map((d) => ({ action: "update" as const, objectType: "device", objectId: d.id!, objectLabel: d.hostname, before: d.audit.before, after: d.audit.after })),
  ]);
}
