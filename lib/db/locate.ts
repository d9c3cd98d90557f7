import "server-only";
// Locate: find a device by anything written on it or about it, and say where it physically is.
// One statement: a UNION ALL of index probes (one per reading of the query and per precision,
// each with its own LIMIT), then the location of each of the first `limit` hits. The indexes and the plans they give at
// 100k devices are in docs/locate.md; every probe is an index scan, never a table scan.
import {
  MATCHED_ON,
  type LocateQuery,
  type MatchedOn,
  type MatchType,
} from "../domain/locate-query";
import { sqlPool } from "./client";
import type { PhysicalLocation } from "./devices";
import { Prisma } from "./generated/client";
import type { DeviceStatus, Face } from "./generated/enums";

// DESIGN.md's location object: one type for this API and GET /api/v1/devices/{hostname}
export type LocateLocation = PhysicalLocation;

export type LocateMatch = {
  hostname: string;
  matchedOn: MatchedOn;
  // the stored value that matched (a MAC in the stored notation, a label as printed)
  matchedValue: string;
  matchType: MatchType;
  model: string;
  role: string;
  status: DeviceStatus;
  location: LocateLocation;
  // the device's own Nic the match went through (a MAC, an address on a Nic, a cable's end), and
  // what that Nic is cabled to
  nic: string | null;
  peer: { hostname: string; nic: string } | null;
};

export type LocateResult = { matches: LocateMatch[]; truncated: boolean };

export const DEFAULT_LOCATE_LIMIT = 50;
export const MAX_LOCATE_LIMIT = 200;

type RawMatch = {
  hostname: string;
  matched_on: MatchedOn;
  matched_value: string;
  match_rank: number;
  model: string;
  role: string;
  status: DeviceStatus;
  site: string | null;
  site_id: number | null;
  room: string | null;
  room_id: number | null;
  cabinet: string | null;
  cabinet_id: number | null;
  u_low: number | null;
  u_high: number | null;
  face: Face | null;
  chassis: string | null;
  bay: number | null;
  nic: string | null;
  peer_hostname: string | null;
  peer_nic: string | null;
};

const MATCH_TYPES: readonly MatchType[] = ["exact", "prefix", "substring"];
const sql = Prisma.sql;

// LIKE's own wildcards and escape character, taken literally
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

// Every reading of the query, as index probes yielding rows of (device_id, matched_on, match_rank,
// matched_value, nic_id, end_order): exact and prefix ones, and substring ones.
function probes(q: LocateQuery, n: number): { first: Prisma.Sql[]; contains: Prisma.Sql[] } {
  const parts: Prisma.Sql[] = [];
  const contains: Prisma.Sql[] = [];
  // literals from this file, never from the query (the column names come from the CTE's list)
  const hit = (matchedOn: MatchedOn) => Prisma.raw(`'${matchedOn}'::text, 0`);

  // An exact match is the first of its prefix matches in the index's order, so one probe finds both:
  // it walks a text_pattern_ops index in that order (USING ~<~; ordering by the collation would
  // make the planner walk the unique btree instead, filtering every row) and stops at n. Substring
  // probes read a pg_trgm GIN index through the locate_*_contains functions of the migration (which
  // keep the planner from a "stops early" table scan) and stop at n, in no order. They do not leave
  // out the prefix matches: when those are many ("app"), that filter would recheck every one of them
  // and return nothing. Duplicates are dropped afterwards, keeping the best precision; and with n
  // or more prefix matches the substring probes do not run at all (see locateStatement).
  const textKey = (
    matchedOn: "hostname" | "serial" | "assetTag",
    expr: Prisma.Sql,
    column: Prisma.Sql,
    containsFunction: Prisma.Sql,
    value: string,
  ) => {
    const tag = Prisma.raw(`'${matchedOn}'::text`);
    if (!q.partial) {
      parts.push(sql`(SELECT id AS device_id, ${tag} AS matched_on, 0 AS match_rank, ${column} AS matched_value, NULL::int AS nic_id, 0 AS end_order
        FROM device WHERE ${expr} = ${value})`);
      return;
    }
    const prefix = `${likeEscape(value)}%`;
    parts.push(sql`(SELECT id AS device_id, ${tag} AS matched_on, CASE WHEN ${expr} = ${value} THEN 0 ELSE 1 END AS match_rank,
        ${column} AS matched_value, NULL::int AS nic_id, 0 AS end_order
      FROM device WHERE ${expr} LIKE ${prefix} ORDER BY ${expr} USING ~<~ LIMIT ${n})`);
    if (!q.substring) return;
    contains.push(sql`(SELECT id, ${tag}, 2, ${column}, NULL::int, 0
      FROM device WHERE id IN (SELECT ${containsFunction}(${`%${likeEscape(value)}%`}, ${n})))`);
  };
  if (q.hostname) textKey("hostname", sql`lower(hostname)`, sql`hostname`, sql`locate_hostname_contains`, q.hostname);
  textKey("serial", sql`upper(serial)`, sql`serial`, sql`locate_serial_contains`, q.key);
  textKey("assetTag", sql`upper(asset_tag)`, sql`asset_tag`, sql`locate_asset_tag_contains`, q.key);

  if (q.mac) {
    parts.push(sql`(SELECT device_id, ${hit("mac")}, mac, id, 0 FROM nic WHERE mac = ${q.mac})`);
  }

  if (q.ip) {
    // the device's primary and oob address, and any Nic's (an oob Nic's is an oob address); one
    // row per device and kind, the Nic's first since it says more
    const ip = q.ip.address;
    parts.push(sql`(SELECT DISTINCT ON (device_id, matched_on) device_id, matched_on, 0, matched_value, nic_id, 0 FROM (
        SELECT id AS device_id, 'ip' AS matched_on, host(primary_ip) AS matched_value, NULL::int AS nic_id
          FROM device WHERE host(primary_ip) = host(${ip}::inet)
        UNION ALL
        SELECT id, 'oobIp', host(oob_ip), NULL FROM device WHERE host(oob_ip) = host(${ip}::inet)
        UNION ALL
        SELECT device_id, CASE WHEN kind = 'oob' THEN 'oobIp' ELSE 'ip' END, host(ip), id
          FROM nic WHERE host(ip) = host(${ip}::inet)
      ) a ORDER BY device_id, matched_on, nic_id NULLS LAST LIMIT ${n})`);
  }

  if (q.switchPort) {
    // the device at the other end of the cable on that port: what is plugged into it
    parts.push(sql`(SELECT peer.device_id, ${hit("switchPort")}, sw.hostname || ' ' || port.name, peer.id, 0
      FROM device sw
      JOIN nic port ON port.device_id = sw.id AND lower(port.name) = ANY(${q.switchPort.portNames}::text[])
      JOIN cable c ON c.a_nic_id = port.id OR c.b_nic_id = port.id
      JOIN nic peer ON peer.id = CASE WHEN c.a_nic_id = port.id THEN c.b_nic_id ELSE c.a_nic_id END
      WHERE lower(sw.hostname) = ${q.switchPort.hostname}
      LIMIT ${n})`);
  }

  // a cable label: both ends (end_order 0 for the a-end, 1 for the b-end; the final ORDER BY puts
  // the non-switch end first, once each end's model is at hand)
  const label = (into: Prisma.Sql[], rank: Prisma.Sql, cables: Prisma.Sql) =>
    into.push(sql`(SELECT n.device_id, 'cableLabel'::text, ${rank}, c.label, n.id, e.b_end
      FROM (${cables}) c
      CROSS JOIN LATERAL (VALUES (c.a_nic_id, 0), (c.b_nic_id, 1)) e(nic_id, b_end)
      JOIN nic n ON n.id = e.nic_id)`);
  if (!q.partial) {
    label(parts, sql`0`, sql`SELECT label, a_nic_id, b_nic_id FROM cable WHERE upper(label) = ${q.key} LIMIT ${n}`);
  } else {
    const prefix = `${likeEscape(q.key)}%`;
    label(
      parts,
      sql`CASE WHEN upper(c.label) = ${q.key} THEN 0 ELSE 1 END`,
      sql`SELECT label, a_nic_id, b_nic_id FROM cable WHERE upper(label) LIKE ${prefix} ORDER BY upper(label) USING ~<~ LIMIT ${n}`,
    );
    if (q.substring) {
      label(
        contains,
        sql`2`,
        sql`SELECT label, a_nic_id, b_nic_id FROM cable WHERE id IN (SELECT locate_cable_label_contains(${`%${likeEscape(q.key)}%`}, ${n}))`,
      );
    }
  }
  return { first: parts, contains };
}

/** The statement locate() runs; exported so the plans can be checked (docs/locate.md). */
export function locateStatement(q: LocateQuery, limit: number): Prisma.Sql {
  const n = limit + 1;
  const kindOrder = Prisma.raw(MATCHED_ON.map((k) => `'${k}'`).join(", "));
  const { first, contains } = probes(q, n);
  const columns = Prisma.raw("device_id, matched_on, match_rank, matched_value, nic_id, end_order");
  // Substring matches rank after every exact and prefix one, so when those already fill the page
  // the substring probes are skipped (a one-time filter: their plan is never started).
  const hits =
    contains.length === 0
      ? sql`hit (${columns}) AS (${Prisma.join(first, " UNION ALL ")}),`
      : sql`first_hit (${columns}) AS MATERIALIZED (${Prisma.join(first, " UNION ALL ")}),
    hit AS (
      SELECT * FROM first_hit
      UNION ALL
      SELECT * FROM (${Prisma.join(contains, " UNION ALL ")}) contained (${columns})
      WHERE (SELECT count(*) FROM first_hit) < ${n}
    ),`;
  return sql`
    WITH ${hits}
    best AS (
      SELECT DISTINCT ON (device_id, matched_on, matched_value, nic_id) *
      FROM hit ORDER BY device_id, matched_on, matched_value, nic_id, match_rank
    ),
    ranked AS (
      SELECT best.*, array_position(ARRAY[${kindOrder}]::text[], best.matched_on) AS kind_order
      FROM best ORDER BY match_rank, kind_order, lower(matched_value), end_order LIMIT ${n}
    )
    SELECT d.hostname, h.matched_on, h.matched_value, h.match_rank,
           m.name AS model, d.role, d.status::text AS status,
           loc.site, loc.site_id, loc.room, loc.room_id, loc.cabinet, loc.cabinet_id,
           loc.u_low, loc.u_high, loc.face, loc.chassis, d.bay,
           link.nic, link.peer_hostname, link.peer_nic
    FROM ranked h
    JOIN device d ON d.id = h.device_id
    JOIN model m ON m.id = d.model_id
    -- where it is: a sled is wherever its chassis is. Subqueries of their own (OFFSET 0 keeps them
    -- so): planning them apart costs less than one join search over a dozen tables.
    CROSS JOIN LATERAL (
      SELECT s.name AS site, s.id AS site_id, r.name AS room, r.id AS room_id, c.name AS cabinet, c.id AS cabinet_id,
             p.u_low, p.u_low + greatest(p.u_height, 1) - 1 AS u_high, p.face::text AS face,
             CASE WHEN p.id <> d.id THEN p.hostname END AS chassis
      FROM device p
      LEFT JOIN cabinet c ON c.id = p.cabinet_id
      LEFT JOIN room r ON r.id = c.room_id
      LEFT JOIN site s ON s.id = coalesce(c.site_id, p.site_id)
      WHERE p.id = coalesce(d.chassis_id, d.id)
      OFFSET 0
    ) loc
    -- the Nic the match went through, and what its cable ends in
    LEFT JOIN LATERAL (
      SELECT n.name AS nic, pd.hostname AS peer_hostname, pn.name AS peer_nic
      FROM nic n
      LEFT JOIN cable ca ON ca.a_nic_id = n.id
      LEFT JOIN cable cb ON cb.b_nic_id = n.id
      LEFT JOIN nic pn ON pn.id = coalesce(ca.b_nic_id, cb.a_nic_id)
      LEFT JOIN device pd ON pd.id = pn.device_id
      WHERE n.id = h.nic_id
      OFFSET 0
    ) link ON true
    ORDER BY h.match_rank, h.kind_order, lower(h.matched_value), m.kind = 'switch', h.end_order, d.hostname`;
}

/**
 * Every device the query finds, exact matches first, then prefix, then substring; within each, by
 * what matched (hostname, serial, asset tag, MAC, IP, oob IP, switch port, cable label) and value.
 * At most `limit` matches; `truncated` says there were more.
 */
export async function locate(q: LocateQuery, { limit = DEFAULT_LOCATE_LIMIT }: { limit?: number } = {}): Promise<LocateResult> {
  const take = Math.min(Math.max(Math.trunc(limit), 1), MAX_LOCATE_LIMIT);
  const statement = locateStatement(q, take);
  const { rows } = await sqlPool().query<RawMatch>(statement.text, statement.values as unknown[]);
  return {
    truncated: rows.length > take,
    matches: rows.slice(0, take).map((r) => ({
      hostname: r.hostname,
      matchedOn: r.matched_on,
      matchedValue: r.matched_value,
      matchType: MATCH_TYPES[r.match_rank]!,
      model: r.model,
      role: r.role,
      status: r.status,
      location: {
        site: r.site,
        siteId: r.site_id,
        room: r.room,
        roomId: r.room_id,
        cabinet: r.cabinet,
        cabinetId: r.cabinet_id,
        uLow: r.u_low,
        uHigh: r.u_high,
        face: r.face,
        chassis: r.chassis,
        bay: r.bay,
      },
      nic: r.nic,
      peer: r.peer_hostname && r.peer_nic ? { hostname: r.peer_hostname, nic: r.peer_nic } : null,
    })),
  };
}
