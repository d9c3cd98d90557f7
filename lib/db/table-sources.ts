import "server-only";
import type { TableName } from "../domain/tables/types";
import { Prisma } from "./generated/client";

const sql = Prisma.sql;

// Where each list page's rows come from: the FROM clause, a unique integer id per row (the keyset
// tie-breaker), and one SQL expression per column of its spec (lib/domain/tables). Expressions are
// written here only, never taken from a request; lib/db/table-query.ts whitelists column ids against
// these keys. Enum and boolean columns are text, so they sort and filter like what the screen shows.
export type TableSource = {
  from: Prisma.Sql;
  id: Prisma.Sql;
  columns: Record<string, Prisma.Sql>;
  linkFields?: Record<string, Prisma.Sql>;
  // for contains and quick filters: an expression with a trigram index (ILIKE on it is the same test)
  search?: Record<string, Prisma.Sql>;
};

const yesNo = (expr: Prisma.Sql) => sql`CASE WHEN ${expr} THEN 'yes' ELSE 'no' END`;

// a sled has no cabinet of its own: it is wherever its chassis is
const devices: TableSource = {
  from: sql`device d
    JOIN model m ON m.id = d.model_id
    LEFT JOIN device ch ON ch.id = d.chassis_id
    LEFT JOIN cabinet c ON c.id = COALESCE(d.cabinet_id, ch.cabinet_id)
    LEFT JOIN room r ON r.id = c.room_id
    LEFT JOIN site s ON s.id = COALESCE(c.site_id, d.site_id)`,
  id: sql`d.id`,
  columns: {
    hostname: sql`d.hostname`,
    model: sql`m.name`,
    kind: sql`m.kind::text`,
    role: sql`NULLIF(d.role, '')`,
    status: sql`d.status::text`,
    site: sql`s.name`,
    room: sql`r.name`,
    cabinet: sql`c.name`,
    u: sql`COALESCE(d.u_low, ch.u_low)`,
    face: sql`COALESCE(d.face, ch.face)::text`,
    chassis: sql`ch.hostname`,
    bay: sql`d.bay`,
    serial: sql`d.serial`,
    assetTag: sql`d.asset_tag`,
    primaryIp: sql`d.primary_ip`,
    oobIp: sql`d.oob_ip`,
    os: sql`NULLIF(d.os, '')`,
    services: sql`(SELECT string_agg(sv.name, ', ' ORDER BY sv.name) FROM service_member sm JOIN service sv ON sv.id = sm.service_id WHERE sm.device_id = d.id)`,
  },
  linkFields: { cabinetId: sql`c.id`, chassisHostname: sql`ch.hostname` },
  // the locate indexes (migration 20261127020000): a quick filter at 100k devices is an index scan
  search: { hostname: sql`lower(d.hostname)`, serial: sql`upper(d.serial)`, assetTag: sql`upper(d.asset_tag)` },
};

// Usage as lib/db/cabinets.ts computes it: the front face plus rear half-depth devices, less the units
// a front and a rear half-depth device share; sleds count as devices of their chassis' cabinet.
const cabinets: TableSource = {
  from: sql`(
    WITH racked AS (
      SELECT cabinet_id,
             coalesce(sum(u_height) FILTER (WHERE full_depth OR face = 'front'), 0)
               + coalesce(sum(u_height) FILTER (WHERE NOT full_depth AND face = 'rear'), 0) AS u_sum,
             count(*) AS devices
      FROM device WHERE cabinet_id IS NOT NULL GROUP BY cabinet_id
    ),
    shared AS (
      SELECT f.cabinet_id, sum(upper(f.r * b.r) - lower(f.r * b.r)) AS u_shared
      FROM (SELECT cabinet_id, int4range(u_low, u_low + u_height) AS r FROM device
            WHERE cabinet_id IS NOT NULL AND NOT full_depth AND face = 'front') f
      JOIN (SELECT cabinet_id, int4range(u_low, u_low + u_height) AS r FROM device
            WHERE cabinet_id IS NOT NULL AND NOT full_depth AND face = 'rear') b
        ON b.cabinet_id = f.cabinet_id AND b.r && f.r
      GROUP BY f.cabinet_id
    ),
    sleds AS (
      SELECT ch.cabinet_id, count(*) AS devices FROM device sl JOIN device ch ON ch.id = sl.chassis_id GROUP BY ch.cabinet_id
    )
    SELECT c.id, c.name, c.height_u, c.notes, s.name AS site, r.name AS room,
           (coalesce(racked.u_sum, 0) - coalesce(shared.u_shared, 0))::int AS used_u,
           (coalesce(racked.devices, 0) + coalesce(sleds.devices, 0))::int AS devices,
           (SELECT string_agg(pf.name || COALESCE(':' || ps.name, ''), ';' ORDER BY pf.name)
              FROM power_feed pf LEFT JOIN power_source ps ON ps.id = pf.source_id WHERE pf.cabinet_id = c.id) AS feeds
    FROM cabinet c
    JOIN site s ON s.id = c.site_id
    LEFT JOIN room r ON r.id = c.room_id
    LEFT JOIN racked ON racked.cabinet_id = c.id
    LEFT JOIN shared ON shared.cabinet_id = c.id
    LEFT JOIN sleds ON sleds.cabinet_id = c.id
  ) cab`,
  id: sql`cab.id`,
  columns: {
    site: sql`cab.site`,
    room: sql`cab.room`,
    cabinet: sql`cab.name`,
    heightU: sql`cab.height_u`,
    usedU: sql`cab.used_u`,
    freeU: sql`(cab.height_u - cab.used_u)`,
    devices: sql`cab.devices`,
    feeds: sql`cab.feeds`,
    notes: sql`NULLIF(cab.notes, '')`,
  },
  linkFields: { cabinetId: sql`cab.id` },
};

// the Nic at the other end of a Nic's cable, whichever end it is
const peerOf = (nic: string) => sql`(SELECT pd.hostname || ' ' || pn.name
    FROM cable cb JOIN nic pn ON pn.id = CASE WHEN cb.a_nic_id = ${Prisma.raw(nic)}.id THEN cb.b_nic_id ELSE cb.a_nic_id END
    JOIN device pd ON pd.id = pn.device_id
    WHERE cb.a_nic_id = ${Prisma.raw(nic)}.id OR cb.b_nic_id = ${Prisma.raw(nic)}.id LIMIT 1)`;

const nics: TableSource = {
  from: sql`nic n JOIN device d ON d.id = n.device_id LEFT JOIN nic b ON b.id = n.bond_id`,
  id: sql`n.id`,
  columns: {
    hostname: sql`d.hostname`,
    name: sql`n.name`,
    kind: sql`n.kind::text`,
    mac: sql`n.mac`,
    speed: sql`n.speed_mbps`,
    driver: sql`n.driver`,
    bond: sql`b.name`,
    enabled: yesNo(sql`n.enabled`),
    ip: sql`n.ip`,
    peer: peerOf("n"),
  },
};

const cables: TableSource = {
  from: sql`cable cb
    JOIN nic an ON an.id = cb.a_nic_id JOIN device ad ON ad.id = an.device_id
    JOIN nic bn ON bn.id = cb.b_nic_id JOIN device bd ON bd.id = bn.device_id
    LEFT JOIN device ach ON ach.id = ad.chassis_id LEFT JOIN cabinet ac ON ac.id = COALESCE(ad.cabinet_id, ach.cabinet_id)
    LEFT JOIN device bch ON bch.id = bd.chassis_id LEFT JOIN cabinet bc ON bc.id = COALESCE(bd.cabinet_id, bch.cabinet_id)`,
  id: sql`cb.id`,
  columns: {
    label: sql`cb.label`,
    aHost: sql`ad.hostname`,
    aPort: sql`an.name`,
    bHost: sql`bd.hostname`,
    bPort: sql`bn.name`,
    aCabinet: sql`ac.name`,
    bCabinet: sql`bc.name`,
  },
};

// a port is either end of its cable: two plain joins (not one join on an OR), so the planner can hash them
const switchPorts: TableSource = {
  from: sql`nic p
    JOIN device sw ON sw.id = p.device_id
    JOIN model swm ON swm.id = sw.model_id AND swm.kind = 'switch'
    LEFT JOIN cabinet c ON c.id = sw.cabinet_id
    LEFT JOIN cable ca ON ca.a_nic_id = p.id
    LEFT JOIN cable cz ON cz.b_nic_id = p.id
    LEFT JOIN nic o ON o.id = COALESCE(ca.b_nic_id, cz.a_nic_id)
    LEFT JOIN device od ON od.id = o.device_id`,
  id: sql`p.id`,
  columns: {
    switch: sql`sw.hostname`,
    port: sql`p.name`,
    cabinet: sql`c.name`,
    speed: sql`p.speed_mbps`,
    enabled: yesNo(sql`p.enabled`),
    connectedHost: sql`od.hostname`,
    connectedNic: sql`o.name`,
    cableLabel: sql`COALESCE(ca.label, cz.label)`,
  },
};

const models: TableSource = {
  from: sql`model m LEFT JOIN (SELECT model_id, count(*)::int AS n FROM device GROUP BY model_id) dc ON dc.model_id = m.id`,
  id: sql`m.id`,
  columns: {
    model: sql`m.name`,
    manufacturer: sql`NULLIF(m.manufacturer, '')`,
    kind: sql`m.kind::text`,
    heightU: sql`m.height_u`,
    bays: sql`m.bays`,
    bayLayout: sql`CASE WHEN m.bay_columns IS NULL THEN NULL ELSE m.bay_columns || 'x' || m.bay_rows END`,
    fullDepth: yesNo(sql`m.full_depth`),
    devices: sql`COALESCE(dc.n, 0)`,
  },
};

// Device counts come from one grouped pass over the devices joined in FROM, not a subquery per row:
// at 100k devices a per-site count scanned every device once for each site (seconds, not milliseconds).
const placedDevices = sql`SELECT COALESCE(c.site_id, d.site_id) AS site_id, c.room_id
  FROM device d LEFT JOIN device ch ON ch.id = d.chassis_id LEFT JOIN cabinet c ON c.id = COALESCE(d.cabinet_id, ch.cabinet_id)`;

const sites: TableSource = {
  from: sql`site st
    LEFT JOIN (SELECT site_id, count(*)::int AS n FROM (${placedDevices}) pd GROUP BY site_id) dc ON dc.site_id = st.id
    LEFT JOIN (SELECT site_id, count(*)::int AS n FROM cabinet GROUP BY site_id) cc ON cc.site_id = st.id
    LEFT JOIN (SELECT site_id, count(*)::int AS n FROM room GROUP BY site_id) rc ON rc.site_id = st.id`,
  id: sql`st.id`,
  columns: {
    site: sql`st.name`,
    address: sql`NULLIF(st.address, '')`,
    remoteHandsPhone: sql`NULLIF(st.remote_hands_phone, '')`,
    remoteHandsEmail: sql`NULLIF(st.remote_hands_email, '')`,
    accessNotes: sql`NULLIF(st.access_notes, '')`,
    rooms: sql`COALESCE(rc.n, 0)`,
    cabinets: sql`COALESCE(cc.n, 0)`,
    // racked and unplaced devices of the site, and sleds in its chassis
    devices: sql`COALESCE(dc.n, 0)`,
  },
  linkFields: { siteId: sql`st.id` },
};

const rooms: TableSource = {
  from: sql`room rm JOIN site st ON st.id = rm.site_id
    LEFT JOIN (SELECT room_id, count(*)::int AS n FROM (${placedDevices}) pd WHERE room_id IS NOT NULL GROUP BY room_id) dc ON dc.room_id = rm.id
    LEFT JOIN (SELECT room_id, count(*)::int AS n FROM cabinet WHERE room_id IS NOT NULL GROUP BY room_id) cc ON cc.room_id = rm.id`,
  id: sql`rm.id`,
  columns: {
    site: sql`st.name`,
    room: sql`rm.name`,
    cabinets: sql`COALESCE(cc.n, 0)`,
    devices: sql`COALESCE(dc.n, 0)`,
    notes: sql`NULLIF(rm.notes, '')`,
  },
  linkFields: { roomId: sql`rm.id` },
};

const services: TableSource = {
  from: sql`service sv`,
  id: sql`sv.id`,
  columns: {
    service: sql`sv.name`,
    description: sql`NULLIF(sv.description, '')`,
    minUp: sql`sv.min_up`,
    members: sql`(SELECT count(*)::int FROM service_member sm WHERE sm.service_id = sv.id)`,
    hosts: sql`(SELECT string_agg(d.hostname, ', ' ORDER BY d.hostname) FROM service_member sm JOIN device d ON d.id = sm.device_id WHERE sm.service_id = sv.id)`,
  },
};

export const TABLE_SOURCES: Record<TableName, TableSource> = {
  devices,
  cabinets,
  nics,
  cables,
  "switch-ports": switchPorts,
  models,
  sites,
  rooms,
  services,
};
