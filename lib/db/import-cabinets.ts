import "server-only";
// cabinets.csv against the database: sites, rooms and power sources by name, the file's cabinets
// with their feeds (and who draws on each), and the writes of a plan.
import { key, type CabinetsPlan, type CabinetsSnapshot, type CabinetState, type CabinetWrite, type FeedWrite } from "../import/plan-cabinets";
import type { ValidRow } from "../import/validate";
import type { CsvCabinetRow } from "../schemas/csv-cabinets";
import { insertStatement, query, runBatched, writeAudit, type AuditWrite, type ImportTx, type Locate } from "./import-sql";

export async function loadCabinetsSnapshot(tx: ImportTx, rows: ValidRow<CsvCabinetRow>[]): Promise<CabinetsSnapshot> {
  const sites = new Map<string, number>();
  for (const s of await query<{ id: number; name: string }>(tx, "SELECT id, name FROM site")) sites.set(s.name, s.id);
  const rooms = new Map<string, number>();
  for (const r of await query<{ id: number; site: string; name: string }>(tx, "SELECT r.id, s.name AS site, r.name FROM room r JOIN site s ON s.id = r.site_id")) {
    rooms.set(key(r.site, r.name), r.id);
  }
  const sources = new Map<string, number>();
  for (const p of await query<{ id: number; site: string; name: string }>(
    tx,
    "SELECT p.id, s.name AS site, p.name FROM power_source p JOIN site s ON s.id = p.site_id",
  )) {
    sources.set(key(p.site, p.name), p.id);
  }

  const found = await query<{ id: number; site: string; name: string; room: string | null; height_u: number; new_height: number | null }>(
    tx,
    `SELECT c.id, s.name AS site, c.name, r.name AS room, c.height_u, f.new_height
       FROM unnest($1::text[], $2::text[], $3::int[]) AS f(site, cabinet, new_height)
       JOIN site s ON s.name = f.site
       JOIN cabinet c ON c.site_id = s.id AND c.name = f.cabinet
       LEFT JOIN room r ON r.id = c.room_id`,
    [rows.map((r) => r.data.site), rows.map((r) => r.data.cabinet), rows.map((r) => r.data.height_u ?? null)],
  );
  const cabinets = new Map<string, CabinetState>();
  const byId = new Map<number, CabinetState>();
  for (const c of found) {
    const state: CabinetState = { id: c.id, site: c.site, name: c.name, room: c.room, heightU: c.height_u, feeds: [], stickingOut: [] };
    cabinets.set(key(c.site, c.name), state);
    byId.set(c.id, state);
  }
  const ids = [...byId.keys()];
  if (ids.length) {
    // aggregated in one pass (no per-feed subqueries), so a table fresh from a bulk import without
    // planner statistics yet cannot turn this into a nested scan
    for (const f of await query<{ id: number; cabinet_id: number; name: string; source: string | null; devices: number; sample: string[] | null }>(
      tx,
      `WITH used AS (
         SELECT dp.feed_id, count(*)::int AS devices, (array_agg(d.hostname ORDER BY d.hostname))[1:3] AS sample
           FROM device_power dp JOIN device d ON d.id = dp.device_id JOIN power_feed f ON f.id = dp.feed_id
          WHERE f.cabinet_id IN (SELECT unnest($1::int[])) GROUP BY dp.feed_id)
       SELECT f.id, f.cabinet_id, f.name, p.name AS source, COALESCE(u.devices, 0) AS devices, u.sample
         FROM power_feed f LEFT JOIN power_source p ON p.id = f.source_id LEFT JOIN used u ON u.feed_id = f.id
        WHERE f.cabinet_id IN (SELECT unnest($1::int[])) ORDER BY f.name`,
      [ids],
    )) {
      byId.get(f.cabinet_id)!.feeds.push({ id: f.id, name: f.name, source: f.source, devices: f.devices, sample: f.sample ?? [] });
    }
    const shrinking = found.filter((c) => c.new_height !== null && c.new_height < c.height_u);
    if (shrinking.length) {
      for (const d of await query<{ cabinet_id: number; hostname: string; u_high: number }>(
        tx,
        `SELECT d.cabinet_id, d.hostname, d.u_low + d.u_height - 1 AS u_high
           FROM device d JOIN unnest($1::int[], $2::int[]) AS s(cabinet_id, height) ON s.cabinet_id = d.cabinet_id
          WHERE d.u_low + d.u_height - 1 > s.height ORDER BY u_high DESC, d.hostname`,
        [shrinking.map((c) => c.id), shrinking.map((c) => c.new_height)],
      )) {
        byId.get(d.cabinet_id)!.stickingOut.push({ hostname: d.hostname, uHigh: d.u_high });
      }
    }
  }
  return { sites, rooms, sources, cabinets };
}

const CABINET_COLUMNS: Record<string, string> = {
  cabinet_site_name_key: "cabinet",
  cabinet_name_not_blank: "cabinet",
  cabinet_height_range: "height_u",
  device_u_fits_cabinet: "height_u",
  cabinet_room_in_site: "room",
  power_feed_cabinet_name_key: "power_feeds",
  power_feed_name_not_blank: "power_feeds",
  power_feed_source_in_site: "power_feeds",
  site_name_not_blank: "site",
  room_name_not_blank: "room",
  power_source_name_not_blank: "power_feeds",
};

function locate<R>(rowOf: (r: R) => number | null): Locate<R> {
  return { rowOf, columnOf: (c) => (c ? (CABINET_COLUMNS[c] ?? null) : null) };
}

type Named = { site: string; name: string };

export async function applyCabinetsPlan(tx: ImportTx, plan: CabinetsPlan): Promise<void> {
  const audit: AuditWrite[] = [];
  const siteId = new Map<string, number>();
  for (const s of await query<{ id: number; name: string }>(tx, "SELECT id, name FROM site WHERE name IN (SELECT unnest($1::text[]))", [
    [...new Set([...plan.creates, ...plan.updates].map((c) => c.site))],
  ])) {
    siteId.set(s.name, s.id);
  }
  const noRow = locate<unknown>(() => null);

  for (const [id, name] of await runBatched(tx, plan.sites, insertStatement("site", { name: ["text", (s: string) => s] }, { returning: "id, name" }), noRow)) {
    siteId.set(name as string, id as number);
    audit.push({ action: "create", objectType: "site", objectId: id as number, objectLabel: name as string, before: null, after: { name } });
  }
  const site = (name: string) => siteId.get(name)!;

  for (const [id, siteName, name] of await runBatched(
    tx,
    plan.rooms,
    insertStatement("room", { site_id: ["int", (r: Named) => site(r.site)], name: ["text", (r: Named) => r.name] }, {
      returning: "id, (SELECT name FROM site WHERE id = site_id), name",
    }),
    noRow,
  )) {
    audit.push({ action: "create", objectType: "room", objectId: id as number, objectLabel: `${siteName}/${name}`, before: null, after: { site: siteName, room: name } });
  }
  for (const [id, siteName, name] of await runBatched(
    tx,
    plan.sources,
    insertStatement("power_source", { site_id: ["int", (r: Named) => site(r.site)], name: ["text", (r: Named) => r.name] }, {
      returning: "id, (SELECT name FROM site WHERE id = site_id), name",
    }),
    noRow,
  )) {
    audit.push({
      action: "create",
      objectType: "power_source",
      objectId: id as number,
      objectLabel: `${siteName}/${name}`,
      before: null,
      after: { site: siteName, name, kind: "ups" },
    });
  }

  const siteOf = (c: CabinetWrite) => site(c.site);
  const roomId = (c: CabinetWrite) => c.room;
  // the room is looked up by name in the cabinet's site, in the statement itself
  const roomLookup = `(SELECT r.id FROM room r WHERE r.site_id = u."site_id" AND r.name = u."room_id")`;
  const insertCabinet = (batch: readonly CabinetWrite[]) => ({
    text: `INSERT INTO cabinet (site_id, name, room_id, height_u)
           SELECT u.site_id, u.name, ${roomLookup}, u.height_u
             FROM unnest($1::int[], $2::text[], $3::text[], $4::int[]) AS u(site_id, name, room_id, height_u)
           RETURNING id, site_id, name`,
    values: [batch.map(siteOf), batch.map((c) => c.name), batch.map(roomId), batch.map((c) => c.heightU)],
  });
  const cabinetLocate = locate<CabinetWrite>((c) => c.row);
  const created = await runBatched(tx, plan.creates, insertCabinet, cabinetLocate);
  const createdId = new Map(created.map(([id, siteIdValue, name]) => [key(String(siteIdValue), name as string), id as number]));
  for (const c of plan.creates) c.id = createdId.get(key(String(site(c.site)), c.name))!;

  const updateCabinet = (batch: readonly CabinetWrite[]) => ({
    text: `UPDATE cabinet AS t SET room_id = ${roomLookup}, height_u = u.height_u, version = t.version + 1, updated_at = CURRENT_TIMESTAMP
             FROM unnest($1::int[], $2::int[], $3::text[], $4::int[]) AS u(id, site_id, room_id, height_u)
            WHERE t.id = u.id`,
    values: [batch.map((c) => c.id), batch.map(siteOf), batch.map(roomId), batch.map((c) => c.heightU)],
  });
  await runBatched(tx, plan.updates, updateCabinet, cabinetLocate);

  const feedLocate = locate<FeedWrite>((f) => f.row);
  const sourceLookup = `(SELECT p.id FROM power_source p JOIN cabinet c ON c.site_id = p.site_id WHERE c.id = u.cabinet_id AND p.name = u.source)`;
  await runBatched(
    tx,
    plan.feedDeletes,
    (batch) => ({ text: "DELETE FROM power_feed WHERE id IN (SELECT unnest($1::int[]))", values: [batch.map((f) => f.id)] }),
    locate<{ row: number }>((f) => f.row),
  );
  await runBatched(
    tx,
    plan.feedInserts,
    (batch) => ({
      text: `INSERT INTO power_feed (cabinet_id, name, source_id)
             SELECT u.cabinet_id, u.name, ${sourceLookup} FROM unnest($1::int[], $2::text[], $3::text[]) AS u(cabinet_id, name, source)`,
      values: [batch.map((f) => f.cabinet.id), batch.map((f) => f.name), batch.map((f) => f.source)],
    }),
    feedLocate,
  );
  await runBatched(
    tx,
    plan.feedUpdates,
    (batch) => ({
      text: `UPDATE power_feed AS t SET source_id = ${sourceLookup}, version = t.version + 1, updated_at = CURRENT_TIMESTAMP
               FROM unnest($1::int[], $2::int[], $3::text[]) AS u(id, cabinet_id, source) WHERE t.id = u.id`,
      values: [batch.map((f) => f.id), batch.map((f) => f.cabinet.id), batch.map((f) => f.source)],
    }),
    feedLocate,
  );

  for (const c of plan.creates) audit.push({ action: "create", objectType: "cabinet", objectId: c.id!, objectLabel: c.audit.objectLabel, before: null, after: c.audit.after });
  for (const c of plan.updates) {
    audit.push({ action: "update", objectType: "cabinet", objectId: c.id!, objectLabel: c.audit.objectLabel, before: c.audit.before, after: c.audit.after });
  }
  await writeAudit(tx, audit);
}
