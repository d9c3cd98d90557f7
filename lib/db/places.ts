import "server-only";
// Places by name, for the quick-jump palette: sites, rooms, cabinets and services whose name (or
// site/name) contains what was typed, names starting with it first. Devices come from locate.
import { db } from "./client";

export type PlaceKind = "site" | "room" | "cabinet" | "service";
export type Place = { kind: PlaceKind; label: string; detail: string; href: string };

const KIND_ORDER: Record<PlaceKind, number> = { cabinet: 0, room: 1, site: 2, service: 3 };

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function findPlaces(q: string, limit = 8): Promise<Place[]> {
  const needle = q.trim().toLowerCase();
  if (needle === "") return [];
  const contains = `%${likeEscape(needle)}%`;
  const prefix = `${likeEscape(needle)}%`;
  const rows = await db().$queryRaw<{ kind: PlaceKind; id: number; name: string; detail: string; starts: boolean }[]>`
    (SELECT 'cabinet' AS kind, c.id, c.name, s.name || coalesce(' · ' || r.name, '') AS detail,
            lower(c.name) LIKE ${prefix} OR lower(s.name || '/' || c.name) LIKE ${prefix} AS starts
       FROM cabinet c JOIN site s ON s.id = c.site_id LEFT JOIN room r ON r.id = c.room_id
      WHERE lower(c.name) LIKE ${contains} OR lower(s.name || '/' || c.name) LIKE ${contains}
      ORDER BY 5 DESC, length(c.name), c.name LIMIT ${limit})
    UNION ALL
    (SELECT 'room', r.id, r.name, s.name, lower(r.name) LIKE ${prefix}
       FROM room r JOIN site s ON s.id = r.site_id
      WHERE lower(r.name) LIKE ${contains} OR lower(s.name || '/' || r.name) LIKE ${contains}
      ORDER BY 5 DESC, length(r.name), r.name LIMIT ${limit})
    UNION ALL
    (SELECT 'site', s.id, s.name, s.address, lower(s.name) LIKE ${prefix}
       FROM site s WHERE lower(s.name) LIKE ${contains}
      ORDER BY 5 DESC, length(s.name), s.name LIMIT ${limit})
    UNION ALL
    (SELECT 'service', v.id, v.name, '', lower(v.name) LIKE ${prefix}
       FROM service v WHERE lower(v.name) LIKE ${contains}
      ORDER BY 5 DESC, length(v.name), v.name LIMIT ${limit})`;
  return rows
    .sort((a, b) => Number(b.starts) - Number(a.starts) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.length - b.name.length)
    .slice(0, limit)
    .map((row) => ({ kind: row.kind, label: row.name, detail: row.detail ?? "", href: hrefOf(row.kind, row.id, row.name) }));
}

function hrefOf(kind: PlaceKind, id: number, name: string): string {
  switch (kind) {
    case "cabinet":
      return `/cabinets/${id}`;
    case "room":
      return `/rooms/${id}`;
    case "site":
      return `/sites/${id}`;
    case "service":
      return `/services/${encodeURIComponent(name)}`;
  }
}
