import "server-only";
// Reads the failure-domain engine's Snapshot (lib/domain/failure-snapshot.ts) from PostgreSQL: one set-based
// query per table, all in one REPEATABLE READ, READ ONLY transaction, so every row comes from one consistent
// state (a cable and both of its Nics, a device and its chassis).
//
// The whole-inventory index (getFailureIndex) is kept by each process between requests, but only while it
// is provably the committed state: statement triggers record every transaction that writes an inventory
// table in `inventory_change` (migration 20261127050000), and each request first asks, inside its own
// snapshot, whether any committed writer was not visible in the snapshot the index was built from. If one
// was (or the index is an hour old), it reads and indexes everything again. So a request never sees a state
// older than the one its own transaction sees; it only skips re-reading an unchanged one.
//
// Plain `pg` with array rows, not Prisma: Prisma's raw-query row mapping costs about five times the query
// itself on the ~600k Nic rows of a 100k-device database (see README "Failure domains" for the timings).
import pg from "pg";
import { cache } from "react";
import {
  indexSnapshot,
  type DeviceStatus,
  type ModelKind,
  type NicKind,
  type Snapshot,
  type SnapshotCabinet,
  type SnapshotDevice,
  type SnapshotIndex,
  type SnapshotNic,
  type SnapshotPowerFeed,
  type SnapshotService,
} from "../domain/failure-snapshot";
import { createPool, readWithRetry } from "./pool";
import { preparedName } from "./prepared";

// What to read. "all": everything. { deviceIds }: those devices, plus what their findings and hard
// dependencies need to be computed exactly as in the full snapshot — their chassis, the devices at the
// other end of their cables (and those devices' chassis), every Nic of all of these, and every site, room,
// cabinet, feed, source and model (small tables); no services. { serviceIds }: those services, and their
// members as targets. A cable to a Nic outside the scope is dropped from a scoped snapshot, so only the
// targets' findings and hard dependencies (and so their services' SPOFs) may be trusted, never an impact.
export type SnapshotScope = "all" | { deviceIds: readonly number[] } | { serviceIds: readonly number[] };

// Pools by connection string, kept on globalThis so that dev-server reloads do not leak them. Small: a
// snapshot read holds one connection for well under a second.
const globalPools = globalThis as unknown as { rackmapSnapshotPools?: Map<string, pg.Pool> };

function pool(connectionString: string): pg.Pool {
  globalPools.rackmapSnapshotPools ??= new Map();
  let found = globalPools.rackmapSnapshotPools.get(connectionString);
  if (found === undefined) {
    found = createPool({ connectionString, max: 4, idleTimeoutMillis: 30_000 });
    globalPools.rackmapSnapshotPools.set(connectionString, found);
  }
  return found;
}

function databaseUrl(connectionString: string | undefined): string {
  const url = connectionString ?? process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

// Runs `read` in one REPEATABLE READ, READ ONLY transaction: every query in it sees the same committed state.
// When the connection dies under it (a database restart), the whole transaction runs again on a fresh one:
// the server refuses writes in a READ ONLY transaction, so `read` must only read, and may run twice.
export async function withSnapshotTransaction<T>(
  read: (client: pg.ClientBase) => Promise<T>,
  { connectionString }: { connectionString?: string } = {},
): Promise<T> {
  const url = databaseUrl(connectionString);
  return readWithRetry(async () => {
    const client = await pool(url).connect();
    let broken = false;
    try {
      // Its statements are prepared (see rows()); their plans are kept, not made again for each scope's ids:
      // planning was most of PostgreSQL's time on a device page, and the statements are key lookups.
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL plan_cache_mode = force_generic_plan");
      const result = await read(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  });
}

// For tests and scripts that end: closes the pools this module opened.
export async function closeSnapshotPools(): Promise<void> {
  const pools = globalPools.rackmapSnapshotPools;
  if (pools === undefined) return;
  globalPools.rackmapSnapshotPools = undefined;
  await Promise.all([...pools.values()].map((p) => p.end()));
}

type Row = unknown[];

async function rows(client: pg.ClientBase, text: string, values: unknown[] = []): Promise<Row[]> {
  // a device page reads its scoped snapshot in ten statements: prepared, they are planned once per connection
  return (await client.query<Row>({ name: preparedName(text, values.length), text, values, rowMode: "array" })).rows;
}

const int = (value: unknown): number => value as number;
const intOrNull = (value: unknown): number | null => (value === null ? null : (value as number));
const text = (value: unknown): string => value as string;
const textOrNull = (value: unknown): string | null => (value === null ? null : (value as string));

// The devices a scoped snapshot holds: the targets, their chassis, the devices their Nics are cabled to,
// and those devices' chassis (the index needs every chassis of a device it holds). Three plain queries:
// one statement with CTEs did the same but took 30 ms to plan and run at 100k devices, the rest 3 ms.
async function scopeClosure(client: pg.ClientBase, targets: readonly number[]): Promise<number[]> {
  const ids = new Set<number>(targets);
  for (const r of await rows(client, "SELECT chassis_id FROM device WHERE id = ANY($1::int[]) AND chassis_id IS NOT NULL", [targets])) ids.add(int(r[0]));
  const own = [...ids];
  const peers = (
    await rows(
      client,
      `SELECT p.device_id FROM nic n JOIN cable c ON c.a_nic_id = n.id JOIN nic p ON p.id = c.b_nic_id WHERE n.device_id = ANY($1::int[])
       UNION
       SELECT p.device_id FROM nic n JOIN cable c ON c.b_nic_id = n.id JOIN nic p ON p.id = c.a_nic_id WHERE n.device_id = ANY($1::int[])`,
      [own],
    )
  ).map((r) => int(r[0]));
  for (const id of peers) ids.add(id);
  for (const r of await rows(client, "SELECT chassis_id FROM device WHERE id = ANY($1::int[]) AND chassis_id IS NOT NULL", [peers])) ids.add(int(r[0]));
  return [...ids];
}

// Reads a Snapshot inside the caller's transaction (see withSnapshotTransaction). Explicit column lists,
// one query per table; device_power and cable rows are folded into devices and Nics.
export async function readFailureSnapshot(client: pg.ClientBase, scope: SnapshotScope = "all"): Promise<Snapshot> {
  let deviceFilter = "";
  let nicFilter = "";
  let powerFilter = "";
  const params: unknown[] = [];
  if (scope !== "all") {
    const targets =
      "deviceIds" in scope
        ? [...scope.deviceIds]
        : (await rows(client, "SELECT device_id FROM service_member WHERE service_id = ANY($1::int[])", [[...scope.serviceIds]])).map((r) =>
            int(r[0]),
          );
    params.push(await scopeClosure(client, targets));
    deviceFilter = "WHERE d.id = ANY($1::int[])";
    nicFilter = "WHERE n.device_id = ANY($1::int[])";
    powerFilter = "WHERE device_id = ANY($1::int[])";
  }

  // A scoped snapshot reads only the places its devices are in: their cabinets, those cabinets' feeds and
  // the feeds' sources, and the rooms and sites of all of these (at 100k devices the full place tables
  // were half the cost of a device or cabinet page).
  let cabinetFilter = "";
  let feedFilter = "";
  let sourceFilter = "";
  let roomFilter = "";
  let siteFilter = "";
  if (scope !== "all") {
    const cabinetsOfScope = "SELECT cabinet_id FROM device WHERE id = ANY($1::int[]) AND cabinet_id IS NOT NULL";
    const sourcesOfScope = `SELECT source_id FROM power_feed WHERE cabinet_id IN (${cabinetsOfScope}) AND source_id IS NOT NULL`;
    cabinetFilter = `WHERE id IN (${cabinetsOfScope})`;
    feedFilter = `WHERE cabinet_id IN (${cabinetsOfScope})`;
    sourceFilter = `WHERE id IN (${sourcesOfScope})`;
    roomFilter = `WHERE id IN (SELECT room_id FROM cabinet WHERE id IN (${cabinetsOfScope}))`;
    siteFilter = `WHERE id IN (SELECT site_id FROM device WHERE id = ANY($1::int[])
                   UNION SELECT site_id FROM cabinet WHERE id IN (${cabinetsOfScope})
                   UNION SELECT site_id FROM power_source WHERE id IN (${sourcesOfScope}))`;
  }

  // The place tables and the models in one statement (one round trip instead of six: on a device or cabinet
  // page the statements are key lookups, and each round trip costs the app more than PostgreSQL)
  const sites: Snapshot["sites"] = [];
  const rooms: Snapshot["rooms"] = [];
  const powerSources: Snapshot["powerSources"] = [];
  const powerFeeds: SnapshotPowerFeed[] = [];
  const cabinets: SnapshotCabinet[] = [];
  const models: Snapshot["models"] = [];
  const places = await rows(
    client,
    `SELECT 'site', id, NULL::int, NULL::int, name, NULL::text FROM site ${siteFilter}
     UNION ALL SELECT 'room', id, site_id, NULL, name, NULL FROM room ${roomFilter}
     UNION ALL SELECT 'source', id, site_id, NULL, name, NULL FROM power_source ${sourceFilter}
     UNION ALL SELECT 'feed', id, cabinet_id, source_id, name, NULL FROM power_feed ${feedFilter}
     UNION ALL SELECT 'cabinet', id, site_id, room_id, name, NULL FROM cabinet ${cabinetFilter}
     UNION ALL SELECT 'model', id, bays, NULL, name, kind::text FROM model`,
    params,
  );
  for (const [table, id, a, b, name, kind] of places) {
    if (table === "site") sites.push({ id: int(id), name: text(name) });
    else if (table === "room") rooms.push({ id: int(id), siteId: int(a), name: text(name) });
    else if (table === "source") powerSources.push({ id: int(id), siteId: int(a), name: text(name) });
    else if (table === "feed") powerFeeds.push({ id: int(id), cabinetId: int(a), name: text(name), sourceId: intOrNull(b) });
    else if (table === "cabinet") cabinets.push({ id: int(id), siteId: int(a), roomId: intOrNull(b), name: text(name), feedIds: [] });
    else models.push({ id: int(id), name: text(name), kind: text(kind) as ModelKind, bays: int(a) });
  }
  const cabinetById = new Map(cabinets.map((c) => [c.id, c]));
  for (const feed of powerFeeds) cabinetById.get(feed.cabinetId)?.feedIds.push(feed.id);

  // host() drops the /32 that inet would print for a prefix
  const devices: SnapshotDevice[] = (
    await rows(
      client,
      `SELECT d.id, d.hostname, d.model_id, m.kind::text, d.site_id, d.cabinet_id, d.chassis_id, d.bay, d.u_low,
              host(d.oob_ip), d.status::text
         FROM device d JOIN model m ON m.id = d.model_id ${deviceFilter}`,
      params,
    )
  ).map((r) => ({
    id: int(r[0]),
    hostname: text(r[1]),
    modelId: int(r[2]),
    kind: text(r[3]) as ModelKind,
    siteId: intOrNull(r[4]),
    // a device row has no room of its own: a racked one is in its cabinet's room, a sled in its chassis'
    roomId: null,
    cabinetId: intOrNull(r[5]),
    chassisId: intOrNull(r[6]),
    bay: intOrNull(r[7]),
    uLow: intOrNull(r[8]),
    feedIds: [],
    oobIp: textOrNull(r[9]),
    status: text(r[10]) as DeviceStatus,
  }));
  const deviceById = new Map(devices.map((d) => [d.id, d]));
  for (const r of await rows(client, `SELECT device_id, feed_id FROM device_power ${powerFilter}`, params)) {
    deviceById.get(int(r[0]))?.feedIds.push(int(r[1]));
  }

  // The cable's b-end is carried by its a-end Nic; the index makes cables symmetric.
  const nics: SnapshotNic[] = (
    await rows(
      client,
      `SELECT n.id, n.device_id, n.name, n.kind::text, n.driver, n.enabled, n.bond_id, n.speed_mbps, c.b_nic_id
         FROM nic n LEFT JOIN cable c ON c.a_nic_id = n.id ${nicFilter}`,
      params,
    )
  ).map((r) => ({
    id: int(r[0]),
    deviceId: int(r[1]),
    name: text(r[2]),
    kind: text(r[3]) as NicKind,
    driver: textOrNull(r[4]),
    enabled: r[5] as boolean,
    bondId: intOrNull(r[6]),
    speedMbps: intOrNull(r[7]),
    peerNicId: intOrNull(r[8]),
    peerDeviceId: null,
  }));
  if (scope !== "all") {
    // cables leading out of the scope (a switch's ports to hosts that are not in it)
    const loaded = new Set(nics.map((n) => n.id));
    for (const nic of nics) if (nic.peerNicId !== null && !loaded.has(nic.peerNicId)) nic.peerNicId = null;
  }

  const services: SnapshotService[] = [];
  if (scope === "all" || "serviceIds" in scope) {
    const serviceParams = scope === "all" ? [] : [[...scope.serviceIds]];
    const serviceFilter = scope === "all" ? "" : "WHERE id = ANY($1::int[])";
    const memberFilter = scope === "all" ? "" : "WHERE service_id = ANY($1::int[])";
    for (const r of await rows(client, `SELECT id, name, min_up FROM service ${serviceFilter}`, serviceParams)) {
      services.push({ id: int(r[0]), name: text(r[1]), minUp: int(r[2]), members: [] });
    }
    const serviceById = new Map(services.map((s) => [s.id, s]));
    for (const r of await rows(client, `SELECT service_id, device_id, role FROM service_member ${memberFilter}`, serviceParams)) {
      serviceById.get(int(r[0]))?.members.push({ deviceId: int(r[1]), role: text(r[2]) });
    }
  }

  return { sites, rooms, cabinets, powerSources, powerFeeds, models, devices, nics, services };
}

// One consistent snapshot of the whole inventory, read afresh (no reuse).
export async function loadFailureSnapshot(options: { scope?: SnapshotScope; connectionString?: string } = {}): Promise<Snapshot> {
  return withSnapshotTransaction((client) => readFailureSnapshot(client, options.scope ?? "all"), options);
}

// ---------------------------------------------------------------- the kept whole-inventory index

type KeptIndex = {
  index: SnapshotIndex;
  // pg_current_snapshot() of the transaction that read it
  pgSnapshot: string;
  // its xmax, to keep the newer of two indexes read at once
  xmax: bigint;
  readAt: number;
};

// an index older than this is read again even if nothing changed (inventory_change rows are pruned after a day)
const KEEP_MS = 60 * 60 * 1000;

const kept = globalThis as unknown as { rackmapFailureIndexes?: Map<string, KeptIndex> };

// Is the kept index's snapshot still the committed state, as this transaction sees it? Writers that
// completed before the kept snapshot's xmin were visible to it; any other committed writer was not.
const FRESHNESS = `
  SELECT pg_current_snapshot()::text,
         pg_snapshot_xmax(pg_current_snapshot())::text,
         $1::text IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM inventory_change c
            WHERE c.xid >= pg_snapshot_xmin($1::pg_snapshot)::text::bigint
              AND NOT pg_visible_in_snapshot(c.xid::text::xid8, $1::pg_snapshot))`;

export type IndexRead<T> = { index: SnapshotIndex; extra: T; reused: boolean };

// The whole-inventory index as of this call, and `extra` read in the same transaction (so both come from one
// state). Reuses this process' kept index when no inventory change has committed since it was read.
export async function readFailureIndex<T = undefined>(
  options: { connectionString?: string; extra?: (client: pg.ClientBase) => Promise<T> } = {},
): Promise<IndexRead<T>> {
  const url = databaseUrl(options.connectionString);
  const store = (kept.rackmapFailureIndexes ??= new Map());
  const mine = store.get(url);
  const usable = mine !== undefined && Date.now() - mine.readAt < KEEP_MS ? mine : undefined;
  const read = await withSnapshotTransaction(
    async (client) => {
      // the first statement: it fixes this transaction's snapshot
      const [row] = await rows(client, FRESHNESS, [usable?.pgSnapshot ?? null]);
      const [pgSnapshot, xmax, fresh] = row as [string, string, boolean];
      const snapshot = fresh ? null : await readFailureSnapshot(client);
      const extra = options.extra === undefined ? (undefined as T) : await options.extra(client);
      return { pgSnapshot, xmax: BigInt(xmax), snapshot, extra };
    },
    { connectionString: url },
  );
  if (read.snapshot === null) return { index: usable!.index, extra: read.extra, reused: true };
  // the kept index is stale: let it go before building the next one (a few hundred MB at 100k devices)
  if (mine !== undefined && store.get(url) === mine) store.delete(url);
  const index = indexSnapshot(read.snapshot);
  const current = store.get(url);
  // two requests may read at once: keep the later state
  if (current === undefined || current.xmax <= read.xmax) {
    store.set(url, { index, pgSnapshot: read.pgSnapshot, xmax: read.xmax, readAt: Date.now() });
  }
  return { index, extra: read.extra, reused: false };
}

// For tests: forget the kept indexes.
export function forgetFailureIndexes(): void {
  kept.rackmapFailureIndexes = undefined;
}

// The whole-inventory index for this request (pages, routes): one per request (React's cache), reused across
// requests only while nothing has changed (readFailureIndex).
export const getFailureIndex = cache(async (): Promise<SnapshotIndex> => (await readFailureIndex()).index);

// The scoped snapshot around one device (its findings, its hard dependencies); null when no device has
// that hostname.
export async function loadDeviceSnapshot(hostname: string): Promise<{ index: SnapshotIndex; deviceId: number } | null> {
  const read = await withSnapshotTransaction(async (client) => {
    const [found] = await rows(client, "SELECT id FROM device WHERE hostname = $1", [hostname]);
    if (found === undefined) return null;
    const deviceId = int(found[0]);
    return { snapshot: await readFailureSnapshot(client, { deviceIds: [deviceId] }), deviceId };
  });
  return read === null ? null : { index: indexSnapshot(read.snapshot), deviceId: read.deviceId };
}

// The scoped snapshot around every device in a cabinet: racked there, or a sled in a chassis racked there.
export async function loadCabinetSnapshot(cabinetId: number): Promise<SnapshotIndex> {
  const snapshot = await withSnapshotTransaction(async (client) => {
    const deviceIds = (
      await rows(
        client,
        `SELECT id FROM device WHERE cabinet_id = $1
         UNION ALL
         SELECT s.id FROM device s JOIN device c ON c.id = s.chassis_id WHERE c.cabinet_id = $1`,
        [cabinetId],
      )
    ).map((r) => int(r[0]));
    return readFailureSnapshot(client, { deviceIds });
  });
  return indexSnapshot(snapshot);
}

// The scoped snapshot around one service's members (its SPOFs, shared domains, spread advice); null when
// no service has that name.
export async function loadServiceSnapshot(name: string): Promise<SnapshotIndex | null> {
  const snapshot = await withSnapshotTransaction(async (client) => {
    const [found] = await rows(client, "SELECT id FROM service WHERE name = $1", [name]);
    if (found === undefined) return null;
    return readFailureSnapshot(client, { serviceIds: [int(found[0])] });
  });
  return snapshot === null ? null : indexSnapshot(snapshot);
}

// The whole-inventory index and every device's primary IP, from one state (the Nagios export).
export async function loadMonitoringSnapshot(): Promise<{ index: SnapshotIndex; primaryIps: Map<number, string> }> {
  const { index, extra } = await readFailureIndex({
    extra: async (client) => {
      const primaryIps = new Map<number, string>();
      for (const r of await rows(client, "SELECT id, host(primary_ip) FROM device WHERE primary_ip IS NOT NULL")) {
        primaryIps.set(int(r[0]), text(r[1]));
      }
      return primaryIps;
    },
  });
  return { index, primaryIps: extra };
}
