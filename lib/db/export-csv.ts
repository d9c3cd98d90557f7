import "server-only";
// The rows of each CSV kind, read from the database in key order (code-unit order, COLLATE "C",
// the same as JavaScript's sort), as the cells export writes: the same columns import reads, so
// export -> import changes nothing.
import type { ImportKind } from "../import/kinds";
import { formatBayLayout, formatPowerFeeds, formatPowerList, formatSpeed } from "../schemas/csv-values";
import { withImportConnection } from "./import-sql";

type Cell = string | number | boolean | null;

const text = (v: Cell | undefined): string => (v === null || v === undefined ? "" : String(v));

const EXPORTS: Record<ImportKind, { sql: string; row: (r: Record<string, unknown>) => Cell[] }> = {
  models: {
    sql: `SELECT name, manufacturer, kind::text AS kind, height_u, bays, bay_columns, bay_rows FROM model ORDER BY name COLLATE "C"`,
    row: (r) => [r.name as string, r.manufacturer as string, r.kind as string, r.height_u as number, r.bays as number, formatBayLayout(r.bay_columns as number | null, r.bay_rows as number | null)],
  },
  cabinets: {
    sql: `WITH feeds AS (
            SELECT f.cabinet_id, array_agg(f.name ORDER BY f.name) AS feeds, array_agg(p.name ORDER BY f.name) AS sources
              FROM power_feed f LEFT JOIN power_source p ON p.id = f.source_id GROUP BY f.cabinet_id)
          SELECT s.name AS site, c.name AS cabinet, r.name AS room, c.height_u, f.feeds, f.sources
            FROM cabinet c JOIN site s ON s.id = c.site_id LEFT JOIN room r ON r.id = c.room_id LEFT JOIN feeds f ON f.cabinet_id = c.id
           ORDER BY s.name COLLATE "C", c.name COLLATE "C"`,
    row: (r) => {
      const feeds = (r.feeds as string[] | null) ?? [];
      const sources = (r.sources as (string | null)[] | null) ?? [];
      return [r.site as string, r.cabinet as string, r.room as string | null, r.height_u as number, formatPowerFeeds(feeds.map((feed, i) => ({ feed, source: sources[i] ?? null })))];
    },
  },
  devices: {
    sql: `WITH power AS (
            SELECT p.device_id, array_agg(f.name ORDER BY f.name) AS names FROM device_power p JOIN power_feed f ON f.id = p.feed_id GROUP BY p.device_id)
          SELECT d.hostname, m.name AS model, d.role, d.status::text AS status, d.serial, d.asset_tag,
                 CASE WHEN d.cabinet_id IS NOT NULL THEN cs.name WHEN d.chassis_id IS NOT NULL THEN NULL ELSE ds.name END AS site,
                 c.name AS cabinet, d.u_low, d.face::text AS face, ch.hostname AS chassis, d.bay,
                 power.names AS power,
                 d.oob_ip, d.primary_ip, d.os, d.notes
            FROM device d
            JOIN model m ON m.id = d.model_id
            LEFT JOIN cabinet c ON c.id = d.cabinet_id LEFT JOIN site cs ON cs.id = c.site_id
            LEFT JOIN site ds ON ds.id = d.site_id
            LEFT JOIN device ch ON ch.id = d.chassis_id
            LEFT JOIN power ON power.device_id = d.id
           ORDER BY d.hostname COLLATE "C"`,
    row: (r) => [
      r.hostname as string,
      r.model as string,
      r.role as string,
      r.status as string,
      r.serial as string | null,
      r.asset_tag as string | null,
      r.site as string | null,
      r.cabinet as string | null,
      r.u_low as number | null,
      r.face as string | null,
      r.chassis as string | null,
      r.bay as number | null,
      formatPowerList((r.power as string[] | null) ?? []),
      r.oob_ip as string | null,
      r.primary_ip as string | null,
      r.os as string,
      r.notes as string,
    ],
  },
  nics: {
    sql: `SELECT d.hostname, n.name, n.kind::text AS kind, n.mac, n.speed_mbps, n.driver, b.name AS bond, n.bond_mode, n.enabled, n.ip
            FROM nic n JOIN device d ON d.id = n.device_id LEFT JOIN nic b ON b.id = n.bond_id
           ORDER BY d.hostname COLLATE "C", n.name COLLATE "C"`,
    row: (r) => [
      r.hostname as string,
      r.name as string,
      r.kind as string,
      r.mac as string | null,
      formatSpeed(r.speed_mbps as number | null),
      r.driver as string | null,
      r.bond as string | null,
      r.bond_mode as string | null,
      r.enabled ? "true" : "false",
      r.ip as string | null,
    ],
  },
  cables: {
    sql: `SELECT ad.hostname AS a_host, an.name AS a_port, bd.hostname AS b_host, bn.name AS b_port, c.label
            FROM cable c
            JOIN nic an ON an.id = c.a_nic_id JOIN device ad ON ad.id = an.device_id
            JOIN nic bn ON bn.id = c.b_nic_id JOIN device bd ON bd.id = bn.device_id
           ORDER BY c.label COLLATE "C" NULLS LAST, ad.hostname COLLATE "C", an.name COLLATE "C"`,
    row: (r) => [r.a_host as string, r.a_port as string, r.b_host as string, r.b_port as string, r.label as string | null],
  },
  services: {
    sql: `SELECT s.name AS service, d.hostname, m.role, s.min_up
            FROM service_member m JOIN service s ON s.id = m.service_id JOIN device d ON d.id = m.device_id
           ORDER BY s.name COLLATE "C", d.hostname COLLATE "C"`,
    row: (r) => [r.service as string, r.hostname as string, r.role as string, r.min_up as number],
  },
};

// Every row of a kind as cells (strings), in key order.
export async function listExportRows(kind: ImportKind, options: { connectionString?: string } = {}): Promise<string[][]> {
  const spec = EXPORTS[kind];
  return withImportConnection(options.connectionString, async (client) => {
    const { rows } = await client.query(spec.sql);
    return rows.map((r: Record<string, unknown>) => spec.row(r).map(text));
  });
}
