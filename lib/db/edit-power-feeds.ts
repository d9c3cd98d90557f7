import "server-only";
// A cabinet's feed list written from a form, in the notation of cabinets.csv (A:UPS-1;B:UPS-2):
// feeds not listed are removed, new ones added, a changed source moved. A feed that devices still
// draw on is not removed: the refusal names them. A source the site does not have yet is created
// on the side, as a cabinets.csv import does, with its own audit row.
import type { FeedSpec } from "../schemas/csv-values";
import { refuse, rows, writeEditAudit, type EditTx } from "./edit-common";

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

async function sourceId(tx: EditTx, site: { id: number; name: string }, name: string): Promise<number> {
  const [known] = await rows<{ id: number }>(tx, "SELECT id FROM power_source WHERE site_id = $1 AND name = $2", [site.id, name]);
  if (known) return known.id;
  const [created] = await rows<{ id: number }>(tx, "INSERT INTO power_source (site_id, name) VALUES ($1, $2) RETURNING id", [site.id, name]);
  await writeEditAudit(tx, { action: "create", objectType: "power_source", objectId: created!.id, objectLabel: `${site.name}/${name}`, before: null, after: { site: site.name, name, kind: "ups" } });
  return created!.id;
}

export async function writeCabinetFeeds(tx: EditTx, options: { cabinetId: number; cabinet: string; site: { id: number; name: string }; feeds: readonly FeedSpec[] }): Promise<void> {
  const current = await rows<{ id: number; name: string; source: string | null }>(
    tx,
    "SELECT f.id, f.name, p.name AS source FROM power_feed f LEFT JOIN power_source p ON p.id = f.source_id WHERE f.cabinet_id = $1 FOR UPDATE OF f",
    [options.cabinetId],
  );
  const wanted = new Map(options.feeds.map((f) => [f.feed, f]));
  const removed = current.filter((f) => !wanted.has(f.name));
  if (removed.length) {
    const users = await rows<{ feed: string; hostname: string }>(
      tx,
      `SELECT f.name AS feed, d.hostname FROM device_power dp JOIN power_feed f ON f.id = dp.feed_id JOIN device d ON d.id = dp.device_id
        WHERE dp.feed_id = ANY($1::int[]) ORDER BY f.name, d.hostname`,
      [removed.map((f) => f.id)],
    );
    if (users.length) {
      const feeds = [...new Set(users.map((u) => u.feed))];
      const names = [...new Set(users.map((u) => u.hostname))];
      const shown = names.slice(0, 5);
      refuse(
        `${feeds.length === 1 ? `Feed ${feeds[0]} of ${options.cabinet} still powers` : `Feeds ${joinNames(feeds)} of ${options.cabinet} still power`} ${joinNames(
          names.length > shown.length ? [...shown, `${names.length - shown.length} more`] : shown,
        )}: give ${names.length === 1 ? "it" : "them"} another feed first.`,
        "power_feeds",
        names,
      );
    }
    await tx.client.query("DELETE FROM power_feed WHERE id = ANY($1::int[])", [removed.map((f) => f.id)]);
  }
  const byName = new Map(current.map((f) => [f.name, f]));
  for (const f of options.feeds) {
    const now = byName.get(f.feed);
    if (now && now.source === f.source) continue;
    const source = f.source === null ? null : await sourceId(tx, options.site, f.source);
    if (now) {
      await tx.client.query("UPDATE power_feed SET source_id = $2, version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = $1", [now.id, source]);
    } else {
      await tx.client.query("INSERT INTO power_feed (cabinet_id, name, source_id) VALUES ($1, $2, $3)", [options.cabinetId, f.feed, source]);
    }
  }
}
