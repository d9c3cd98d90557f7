// Writes a DatacenterPlan (lib/demo/datacenter-plan.ts) into PostgreSQL: the demo datacenter on an
// embedded database's first start, and `npm run cli -- generate --devices N`. Plain `pg`, not
// Prisma (no `server-only`: the CLI runs this under tsx), one transaction, set-based: one
// INSERT ... SELECT FROM unnest($1::text[], ...) per table and batch, natural keys resolved to ids
// through RETURNING. Every constraint and trigger of the migration stays on and checks each row.
import pg from "pg";
import { planDatacenter, type DatacenterPlan, type DeviceRow, type NicRow } from "../demo/datacenter-plan";
import { settleAfterBulkLoad } from "./maintenance";

export type SeedSummary = {
  sites: number;
  rooms: number;
  powerSources: number;
  cabinets: number;
  powerFeeds: number;
  // models created; standard models already in the database are reused
  models: number;
  devices: number;
  devicePower: number;
  nics: number;
  cables: number;
  services: number;
  serviceMembers: number;
  seconds: number;
};

// Refusals a person can act on (a non-empty database, a model edited into another shape).
export class SeedError extends Error {}

type Log = (line: string) => void;

// Rows per statement: large enough that per-statement overhead vanishes, small enough that one
// statement's parameters stay a few MB.
const BATCH_ROWS = 20_000;
// Serialises seeders: two replicas starting on one empty database must not both seed it.
const SEED_LOCK_KEY = 0x7261636b;

/**
 * Fills the database with the demo datacenter (site ORD1) if it has no sites and no devices yet,
 * in one transaction; otherwise leaves it alone and returns `seeded: false`.
 */
export async function seedDemo(connectionString: string, options: { log?: Log } = {}): Promise<{ seeded: boolean }> {
  const log = options.log ?? (() => {});
  return withClient(connectionString, async (client) => {
    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
      const { rows } = await client.query<{ used: boolean }>(
        "SELECT EXISTS (SELECT 1 FROM site) OR EXISTS (SELECT 1 FROM device) AS used",
      );
      if (rows[0]!.used) {
        await client.query("ROLLBACK");
        return { seeded: false };
      }
      await writeDatacenterPlan(client, planDatacenter(), log);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
    await analyze(client);
    return { seeded: true };
  });
}

/**
 * Writes a generated datacenter of about `devices` devices (see planDatacenter) in one transaction.
 * Refuses a database that already has devices, or sites or services of the same names: the
 * generator fills an empty inventory, it does not merge into one.
 */
export async function generateDatacenter(options: {
  connectionString: string;
  devices: number;
  log?: Log;
}): Promise<SeedSummary> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const plan = planDatacenter({ devices: options.devices });
  log(`planned ${plan.devices.length} devices in ${plan.sites.length} site(s) (${seconds(started)} s)`);
  return withClient(options.connectionString, async (client) => {
    let summary: Omit<SeedSummary, "seconds">;
    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
      await refuseNonEmpty(client, plan);
      summary = await writeDatacenterPlan(client, plan, log);
      log("committing");
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
    log("analyzing the new tables");
    await analyze(client);
    const result = { ...summary, seconds: Number(seconds(started)) };
    log(`done: ${result.devices} devices, ${result.nics} nics, ${result.cables} cables in ${result.seconds} s`);
    return result;
  });
}

async function refuseNonEmpty(client: pg.ClientBase, plan: DatacenterPlan): Promise<void> {
  const { rows } = await client.query<{ devices: number; sites: string[]; services: string[] }>(
    `SELECT (SELECT count(*)::int FROM device) AS devices,
            ARRAY(SELECT name FROM site WHERE name = ANY($1::text[]) ORDER BY name) AS sites,
            ARRAY(SELECT name FROM service WHERE name = ANY($2::text[]) ORDER BY name) AS services`,
    [plan.sites.map((s) => s.name), plan.services.map((s) => s.name)],
  );
  const { devices, sites, services } = rows[0]!;
  if (devices > 0) {
    throw new SeedError(
      `the database already has ${devices} device(s); generate only fills an empty inventory, so point it at a fresh database (or delete the devices first)`,
    );
  }
  if (sites.length) throw new SeedError(`the database already has site(s) ${list(sites)}; generate into a fresh database`);
  if (services.length) throw new SeedError(`the database already has service(s) ${list(services)}; generate into a fresh database`);
}

/**
 * Writes every row of the plan through `client`, inside the caller's transaction. Exported for
 * benchmarks and tests that build their own plans.
 */
export async function writeDatacenterPlan(
  client: pg.ClientBase,
  plan: DatacenterPlan,
  log: Log = () => {},
): Promise<Omit<SeedSummary, "seconds">> {
  const step = async <T>(what: string, rows: number, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await fn();
    log(`${what}: ${rows} rows (${seconds(t)} s)`);
    return result;
  };

  // ---- models: reuse the ones already there, but only if they still have the planned shape
  const created = await step("models", plan.models.length, () =>
    insert(client, "model", plan.models, {
      name: ["text", (m) => m.name],
      manufacturer: ["text", (m) => m.manufacturer],
      kind: ["text", (m) => m.kind, "model_kind"],
      height_u: ["int", (m) => m.heightU],
      full_depth: ["bool", (m) => m.fullDepth],
      bays: ["int", (m) => m.bays],
      bay_columns: ["int", (m) => m.bayColumns],
      bay_rows: ["int", (m) => m.bayRows],
    }, { conflict: "ON CONFLICT (name) DO NOTHING", returning: "id" }),
  );
  const { rows: models } = await client.query<{ id: number; name: string; kind: string; height_u: number; bays: number }>(
    "SELECT id, name, kind::text, height_u, bays FROM model WHERE name = ANY($1::text[])",
    [plan.models.map((m) => m.name)],
  );
  const modelId = new Map<string, number>();
  for (const row of models) {
    const planned = plan.models.find((m) => m.name === row.name)!;
    if (row.kind !== planned.kind || row.height_u !== planned.heightU || row.bays !== planned.bays) {
      throw new SeedError(
        `model "${row.name}" exists as ${row.kind}, ${row.height_u} U, ${row.bays} bays; the generator needs ${planned.kind}, ${planned.heightU} U, ${planned.bays} bays`,
      );
    }
    modelId.set(row.name, row.id);
  }

  // ---- places
  const siteId = new Map<string, number>();
  const siteName = new Map<number, string>();
  for (const [id, name] of await step("sites", plan.sites.length, () =>
    insert(client, "site", plan.sites, {
      name: ["text", (s) => s.name],
      address: ["text", (s) => s.address],
      remote_hands_phone: ["text", (s) => s.remoteHandsPhone],
      remote_hands_email: ["text", (s) => s.remoteHandsEmail],
      access_notes: ["text", (s) => s.accessNotes],
    }, { returning: "id, name" }),
  )) {
    siteId.set(name as string, id as number);
    siteName.set(id as number, name as string);
  }
  const site = (name: string) => lookup(siteId, name, "site");

  const roomId = new Map<string, number>();
  for (const [id, site_id, name] of await step("rooms", plan.rooms.length, () =>
    insert(client, "room", plan.rooms, {
      site_id: ["int", (r) => site(r.site)],
      name: ["text", (r) => r.name],
      notes: ["text", (r) => r.notes],
    }, { returning: "id, site_id, name" }),
  )) {
    roomId.set(key(siteName.get(site_id as number)!, name), id as number);
  }

  const sourceId = new Map<string, number>();
  for (const [id, site_id, name] of await step("power sources", plan.powerSources.length, () =>
    insert(client, "power_source", plan.powerSources, {
      site_id: ["int", (s) => site(s.site)],
      name: ["text", (s) => s.name],
      kind: ["text", (s) => s.kind, "power_source_kind"],
    }, { returning: "id, site_id, name" }),
  )) {
    sourceId.set(key(siteName.get(site_id as number)!, name), id as number);
  }

  const cabinetId = new Map<string, number>();
  for (const [id, site_id, name] of await step("cabinets", plan.cabinets.length, () =>
    insert(client, "cabinet", plan.cabinets, {
      site_id: ["int", (c) => site(c.site)],
      room_id: ["int", (c) => lookup(roomId, key(c.site, c.room), "room")],
      name: ["text", (c) => c.name],
      height_u: ["int", (c) => c.heightU],
      notes: ["text", (c) => c.notes],
    }, { returning: "id, site_id, name" }),
  )) {
    cabinetId.set(key(siteName.get(site_id as number)!, name), id as number);
  }
  const cabinet = (siteKey: string, name: string) => lookup(cabinetId, key(siteKey, name), "cabinet");

  const feedId = new Map<string, number>();
  for (const [id, cabinet_id, name] of await step("power feeds", plan.powerFeeds.length, () =>
    insert(client, "power_feed", plan.powerFeeds, {
      cabinet_id: ["int", (f) => cabinet(f.site, f.cabinet)],
      name: ["text", (f) => f.name],
      source_id: ["int", (f) => lookup(sourceId, key(f.site, f.source), "power source")],
    }, { returning: "id, cabinet_id, name" }),
  )) {
    feedId.set(key(cabinet_id, name), id as number);
  }

  // ---- devices: chassis (and everything else racked or unplaced) first, then the sleds in them
  const deviceId = new Map<string, number>();
  const cabinetOfDevice = new Map<string, number>();
  const deviceColumns: Columns<DeviceRow> = {
    hostname: ["text", (d) => d.hostname],
    model_id: ["int", (d) => lookup(modelId, d.model, "model")],
    role: ["text", (d) => d.role],
    status: ["text", (d) => d.status, "device_status"],
    serial: ["text", (d) => d.serial],
    asset_tag: ["text", (d) => d.assetTag],
    site_id: ["int", (d) => (d.site === null ? null : site(d.site))],
    cabinet_id: ["int", (d) => (d.cabinet === null ? null : cabinet(d.site!, d.cabinet))],
    u_low: ["int", (d) => d.uLow],
    face: ["text", (d) => d.face, "face"],
    chassis_id: ["int", (d) => (d.chassis === null ? null : lookup(deviceId, d.chassis, "chassis"))],
    bay: ["int", (d) => d.bay],
    primary_ip: ["text", (d) => d.primaryIp, "inet"],
    oob_ip: ["text", (d) => d.oobIp, "inet"],
    os: ["text", (d) => d.os],
    notes: ["text", (d) => d.notes],
  };
  for (const d of plan.devices) if (d.cabinet !== null) cabinetOfDevice.set(d.hostname, cabinet(d.site!, d.cabinet));
  const unbayed = plan.devices.filter((d) => d.chassis === null);
  const sleds = plan.devices.filter((d) => d.chassis !== null);
  for (const batch of [unbayed, sleds]) {
    for (const [id, hostname] of await step(batch === sleds ? "devices (sleds)" : "devices", batch.length, () =>
      insert(client, "device", batch, deviceColumns, { returning: "id, hostname" }),
    )) {
      deviceId.set(hostname as string, id as number);
    }
  }
  const device = (hostname: string) => lookup(deviceId, hostname, "device");

  await step("device power", plan.devicePower.length, () =>
    insert(client, "device_power", plan.devicePower, {
      device_id: ["int", (p) => device(p.hostname)],
      feed_id: ["int", (p) => lookup(feedId, key(lookup(cabinetOfDevice, p.hostname, "racked device"), p.feed), "power feed")],
    }),
  );

  // ---- nics: bonds and unbonded Nics first, then bond members pointing at their bond
  const nicId = new Map<string, number>();
  const nicColumns: Columns<NicRow> = {
    device_id: ["int", (n) => device(n.hostname)],
    name: ["text", (n) => n.name],
    kind: ["text", (n) => n.kind, "nic_kind"],
    mac: ["text", (n) => n.mac],
    speed_mbps: ["int", (n) => n.speedMbps],
    driver: ["text", (n) => n.driver],
    enabled: ["bool", (n) => n.enabled],
    bond_id: ["int", (n) => (n.bond === null ? null : lookup(nicId, key(device(n.hostname), n.bond), "bond"))],
    bond_mode: ["text", (n) => n.bondMode],
    ip: ["text", (n) => n.ip, "inet"],
  };
  const unbonded = plan.nics.filter((n) => n.bond === null);
  const members = plan.nics.filter((n) => n.bond !== null);
  for (const batch of [unbonded, members]) {
    for (const [id, device_id, name] of await step(batch === members ? "nics (bond members)" : "nics", batch.length, () =>
      insert(client, "nic", batch, nicColumns, { returning: "id, device_id, name" }),
    )) {
      nicId.set(key(device_id, name), id as number);
    }
  }
  const nic = (hostname: string, name: string) => lookup(nicId, key(device(hostname), name), "nic");

  await step("cables", plan.cables.length, () =>
    insert(client, "cable", plan.cables, {
      a_nic_id: ["int", (c) => nic(c.aHost, c.aPort)],
      b_nic_id: ["int", (c) => nic(c.bHost, c.bPort)],
      label: ["text", (c) => c.label],
    }),
  );

  // ---- services
  const serviceId = new Map<string, number>();
  for (const [id, name] of await step("services", plan.services.length, () =>
    insert(client, "service", plan.services, {
      name: ["text", (s) => s.name],
      description: ["text", (s) => s.description],
      min_up: ["int", (s) => s.minUp],
    }, { returning: "id, name" }),
  )) {
    serviceId.set(name as string, id as number);
  }
  await step("service members", plan.serviceMembers.length, () =>
    insert(client, "service_member", plan.serviceMembers, {
      service_id: ["int", (m) => lookup(serviceId, m.service, "service")],
      device_id: ["int", (m) => device(m.hostname)],
      role: ["text", (m) => m.role],
    }),
  );

  return {
    sites: plan.sites.length,
    rooms: plan.rooms.length,
    powerSources: plan.powerSources.length,
    cabinets: plan.cabinets.length,
    powerFeeds: plan.powerFeeds.length,
    models: created.length,
    devices: plan.devices.length,
    devicePower: plan.devicePower.length,
    nics: plan.nics.length,
    cables: plan.cables.length,
    services: plan.services.length,
    serviceMembers: plan.serviceMembers.length,
  };
}

// ------------------------------------------------------------------------------------ helpers

// column name -> [array element type, value of a row, cast applied after unnest (enums, inet)]
type Columns<R> = Record<string, [type: "text" | "int" | "bool", value: (row: R) => unknown, cast?: string]>;

// INSERT INTO table (cols) SELECT cols FROM unnest($1::type[], ...), one statement per batch.
// Column and table names come from this file, never from data. Returns the RETURNING rows as arrays.
async function insert<R>(
  client: pg.ClientBase,
  table: string,
  rows: readonly R[],
  columns: Columns<R>,
  options: { returning?: string; conflict?: string } = {},
): Promise<unknown[][]> {
  const names = Object.keys(columns);
  const specs = Object.values(columns);
  const text = [
    `INSERT INTO "${table}" (${names.join(", ")})`,
    `SELECT ${names.map((n, i) => (specs[i]![2] ? `u.${n}::${specs[i]![2]}` : `u.${n}`)).join(", ")}`,
    `FROM unnest(${specs.map(([type], i) => `$${i + 1}::${type}[]`).join(", ")}) AS u(${names.join(", ")})`,
    options.conflict ?? "",
    options.returning ? `RETURNING ${options.returning}` : "",
  ].join("\n");
  const out: unknown[][] = [];
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const values = specs.map(([, value]) => batch.map(value));
    const result = await client.query<unknown[]>({ text, values, rowMode: "array" });
    for (const row of result.rows) out.push(row);
  }
  return out;
}

function key(...parts: unknown[]): string {
  return parts.join("\u0000");
}

function lookup<K>(map: Map<K, number>, k: K, what: string): number {
  const id = map.get(k);
  if (id === undefined) throw new Error(`the plan names a ${what} it does not create: ${String(k).replaceAll("\u0000", "/")}`);
  return id;
}

function list(names: string[]): string {
  return names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.join(", ");
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(2);
}

async function withClient<T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// Fresh statistics and merged search indexes, so the first queries after a large load are as fast as
// later ones without waiting for autovacuum.
async function analyze(client: pg.ClientBase): Promise<void> {
  await settleAfterBulkLoad(client, ["site", "room", "power_source", "cabinet", "power_feed", "model", "device", "device_power", "nic", "cable", "service", "service_member"]);
}
