import "server-only";
// Search-as-you-type over failure-domain references (`type:key`) for the what-if page, straight in SQL so
// it stays fast on a large inventory (the trigram index on device hostnames serves the device part). The
// keys are spelled exactly as lib/domain/failure-domain.ts resolves them.
import { compareNatural } from "../domain/failure-snapshot";
import { DOMAIN_TYPES, isDomainType, type DomainType } from "../domain/failure-domain";
import { db } from "./client";

export interface DomainSuggestion {
  ref: string;
  type: DomainType;
  key: string;
}

// per type: the key expression and the FROM clause. Only fixed SQL here; the needle is a parameter.
const SOURCES: Record<DomainType, { key: string; from: string; filter?: string }> = {
  site: { key: "s.name", from: "site s" },
  room: { key: "s.name || '/' || r.name", from: "room r JOIN site s ON s.id = r.site_id" },
  cabinet: { key: "s.name || '/' || c.name", from: "cabinet c JOIN site s ON s.id = c.site_id" },
  power_source: { key: "s.name || '/' || p.name", from: "power_source p JOIN site s ON s.id = p.site_id" },
  power_feed: {
    key: "s.name || '/' || c.name || '/' || f.name",
    from: "power_feed f JOIN cabinet c ON c.id = f.cabinet_id JOIN site s ON s.id = c.site_id",
  },
  device: { key: "d.hostname", from: "device d" },
  nic_driver: { key: "n.driver", from: "(SELECT DISTINCT driver FROM nic WHERE driver <> '') n" },
  // only models some device uses, like listDomains
  model: { key: "m.name", from: "model m", filter: "EXISTS (SELECT 1 FROM device d WHERE d.model_id = m.id)" },
};

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function rank(key: string, needle: string): number {
  const k = key.toLowerCase();
  if (k === needle) return 0;
  if (k.startsWith(needle)) return 1;
  if (k.split(/[/\-. ]/).some((part, i) => i > 0 && part.startsWith(needle))) return 2;
  return 3;
}

// `q` is a key fragment ("a01"), or type:fragment ("cabinet:a0", "power-feed:A01/"). Up to `limit`
// suggestions, best first: exact, then keys starting with the fragment, then a part of the key starting with
// it, then any key containing it; ties by type, then key.
export async function searchFailureDomains({ q, limit = 20 }: { q: string; limit?: number }): Promise<DomainSuggestion[]> {
  let needle = q.trim();
  let types: readonly DomainType[] = DOMAIN_TYPES;
  const colon = needle.indexOf(":");
  if (colon >= 0) {
    const typeText = needle.slice(0, colon).trim().toLowerCase().replace(/[\s-]+/g, "_");
    if (isDomainType(typeText)) {
      types = [typeText];
      needle = needle.slice(colon + 1).trim();
    }
  }
  if (needle === "" && types.length > 1) return [];
  const take = Math.min(Math.max(limit, 1), 100);
  const lower = needle.toLowerCase();
  const pattern = `%${likeEscape(lower)}%`;
  const prefix = `${likeEscape(lower)}%`;
  const parts = types.map((type) => {
    const { key, from, filter } = SOURCES[type];
    return `(SELECT '${type}' AS type, ${key} AS key FROM ${from} WHERE ${filter ? `${filter} AND ` : ""}lower(${key}) LIKE $1
              ORDER BY lower(${key}) LIKE $2 DESC, length(${key}), ${key} LIMIT ${take})`;
  });
  const found = await db().$queryRawUnsafe<{ type: DomainType; key: string }[]>(parts.join("\nUNION ALL\n"), pattern, prefix);
  return found
    .map((row) => ({ ref: `${row.type}:${row.key}`, type: row.type, key: row.key, rank: rank(row.key, lower) }))
    .sort(
      (a, b) =>
        a.rank - b.rank || DOMAIN_TYPES.indexOf(a.type) - DOMAIN_TYPES.indexOf(b.type) || compareNatural(a.key, b.key),
    )
    .slice(0, take)
    .map(({ ref, type, key }) => ({ ref, type, key }));
}

export interface ScenarioSuggestion {
  title: string;
  refs: string[];
}

// A few scenarios from the real inventory for the empty what-if page: a cabinet, its two top switches, a
// power source, a room, each NIC driver in use (the Dec 4 outage was a driver bug).
export async function listScenarioSuggestions(): Promise<ScenarioSuggestion[]> {
  const [row] = await db().$queryRawUnsafe<
    { site: string | null; cabinet: string | null; switches: string[] | null; source: string | null; room: string | null; drivers: string[] | null }[]
  >(`
    WITH first_cabinet AS (
      SELECT c.id, s.name AS site, c.name FROM cabinet c JOIN site s ON s.id = c.site_id
       WHERE EXISTS (SELECT 1 FROM device d WHERE d.cabinet_id = c.id)
       ORDER BY s.name, c.name LIMIT 1
    )
    SELECT fc.site, fc.name AS cabinet,
           ARRAY(SELECT d.hostname FROM device d JOIN model m ON m.id = d.model_id
                  WHERE d.cabinet_id = fc.id AND m.kind = 'switch'
                  ORDER BY (d.role ILIKE '%tor%') DESC, d.u_low DESC, d.hostname LIMIT 2) AS switches,
           (SELECT p.name FROM power_source p JOIN site s ON s.id = p.site_id WHERE s.name = fc.site ORDER BY p.name LIMIT 1) AS source,
           (SELECT r.name FROM room r JOIN site s ON s.id = r.site_id WHERE s.name = fc.site ORDER BY r.name LIMIT 1) AS room,
           ARRAY(SELECT DISTINCT driver FROM nic WHERE driver <> '' ORDER BY driver LIMIT 6) AS drivers
      FROM first_cabinet fc`);
  if (row === undefined || row.site === null || row.cabinet === null) return [];
  const suggestions: ScenarioSuggestion[] = [{ title: `Cabinet ${row.cabinet} goes dark`, refs: [`cabinet:${row.site}/${row.cabinet}`] }];
  if (row.switches !== null && row.switches.length === 2) {
    suggestions.push({ title: `Both top-of-rack switches of ${row.cabinet} fail`, refs: row.switches.map((h) => `device:${h}`) });
  }
  if (row.source !== null) suggestions.push({ title: `Power source ${row.source} fails`, refs: [`power_source:${row.site}/${row.source}`] });
  if (row.room !== null) suggestions.push({ title: `${row.room} loses power and cooling`, refs: [`room:${row.site}/${row.room}`] });
  for (const driver of row.drivers ?? []) suggestions.push({ title: `A ${driver} driver bug`, refs: [`nic_driver:${driver}`] });
  return suggestions;
}
