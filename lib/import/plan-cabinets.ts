// cabinets.csv: site, cabinet, room, height_u, power_feeds. Sites, rooms and power sources that do
// not exist yet are created on the side (listed under alsoCreated). power_feeds, when given, is
// the cabinet's whole list of feeds: a feed left out is removed, unless a device still draws on it.
import type { CsvCabinetRow } from "../schemas/csv-cabinets";
import { formatPowerFeeds, type FeedSpec } from "../schemas/csv-values";
import { compare, emptyPlan, Issues, listNames, type AuditNote, type PlanBase } from "./plan-common";
import type { ValidRow } from "./validate";

export type FeedState = { id: number; name: string; source: string | null; devices: number; sample: string[] };

export type CabinetState = {
  id: number;
  site: string;
  name: string;
  room: string | null;
  heightU: number;
  feeds: FeedState[];
  // devices reaching above the height the file gives the cabinet, highest first
  stickingOut: { hostname: string; uHigh: number }[];
};

export type CabinetsSnapshot = {
  // by name
  sites: Map<string, number>;
  // by site + "\0" + name
  rooms: Map<string, number>;
  sources: Map<string, number>;
  cabinets: Map<string, CabinetState>;
};

export type CabinetWrite = {
  row: number;
  id: number | null;
  site: string;
  name: string;
  room: string | null;
  heightU: number;
  audit: AuditNote;
};

export type FeedWrite = { cabinet: CabinetWrite; name: string; source: string | null; id: number | null; row: number };

export type CabinetsPlan = PlanBase & {
  sites: string[];
  rooms: { site: string; name: string }[];
  sources: { site: string; name: string }[];
  creates: CabinetWrite[];
  updates: CabinetWrite[];
  feedInserts: FeedWrite[];
  feedUpdates: FeedWrite[];
  feedDeletes: { id: number; row: number }[];
};

export const DEFAULT_CABINET_HEIGHT = 42;

export function key(...parts: string[]): string {
  return parts.join("\u0000");
}

function auditValues(c: { site: string; name: string; room: string | null; heightU: number }, feeds: FeedSpec[]) {
  return { site: c.site, cabinet: c.name, room: c.room ?? "", height_u: c.heightU, power_feeds: formatPowerFeeds(feeds) };
}

export function planCabinets(rows: ValidRow<CsvCabinetRow>[], snapshot: CabinetsSnapshot): CabinetsPlan {
  const plan: CabinetsPlan = {
    ...emptyPlan(),
    sites: [],
    rooms: [],
    sources: [],
    creates: [],
    updates: [],
    feedInserts: [],
    feedUpdates: [],
    feedDeletes: [],
  };
  const issues = new Issues();
  const newSites = new Set<string>();
  const newRooms = new Set<string>();
  const newSources = new Set<string>();

  for (const { row, data } of rows) {
    const existing = snapshot.cabinets.get(key(data.site, data.cabinet)) ?? null;
    const heightU = data.height_u ?? existing?.heightU ?? DEFAULT_CABINET_HEIGHT;
    if (existing && heightU < existing.heightU) {
      const out = existing.stickingOut.filter((d) => d.uHigh > heightU);
      if (out.length) {
        issues.add(
          row,
          "height_u",
          `${data.site}/${data.cabinet} cannot shrink to ${heightU} U: ${listNames(out.map((d) => `${d.hostname} (up to U${d.uHigh})`), 3)} would stick out.`,
        );
      }
    }

    const currentFeeds: FeedSpec[] = existing?.feeds.map((f) => ({ feed: f.name, source: f.source })) ?? [];
    const feeds = data.power_feeds ?? currentFeeds;
    if (data.power_feeds && existing) {
      const listed = new Set(data.power_feeds.map((f) => f.feed));
      for (const feed of existing.feeds) {
        if (listed.has(feed.name) || feed.devices === 0) continue;
        issues.add(
          row,
          "power_feeds",
          `Feed ${feed.name} of ${data.site}/${data.cabinet} powers ${listNames(feed.sample, 3)}${feed.devices > feed.sample.length ? ` and ${feed.devices - feed.sample.length} more` : ""}: list it too, or change their power first.`,
        );
      }
    }
    if (issues.has(row)) continue;

    // parents that do not exist yet are created on the side, once each
    if (!snapshot.sites.has(data.site) && !newSites.has(data.site)) {
      newSites.add(data.site);
      plan.sites.push(data.site);
      plan.alsoCreated.push({ type: "site", key: data.site });
    }
    const room = data.room ?? existing?.room ?? null;
    if (data.room && !snapshot.rooms.has(key(data.site, data.room)) && !newRooms.has(key(data.site, data.room))) {
      newRooms.add(key(data.site, data.room));
      plan.rooms.push({ site: data.site, name: data.room });
      plan.alsoCreated.push({ type: "room", key: `${data.site}/${data.room}` });
    }
    for (const f of data.power_feeds ?? []) {
      if (f.source && !snapshot.sources.has(key(data.site, f.source)) && !newSources.has(key(data.site, f.source))) {
        newSources.add(key(data.site, f.source));
        plan.sources.push({ site: data.site, name: f.source });
        plan.alsoCreated.push({ type: "power_source", key: `${data.site}/${f.source}` });
      }
    }

    const values = { site: data.site, name: data.cabinet, room, heightU };
    const after = auditValues(values, feeds);
    const label = `${data.site}/${data.cabinet}`;
    if (!existing) {
      const write: CabinetWrite = { ...values, row, id: null, audit: { objectType: "cabinet", objectLabel: label, before: null, after } };
      plan.creates.push(write);
      for (const f of feeds) plan.feedInserts.push({ cabinet: write, name: f.feed, source: f.source, id: null, row });
      plan.outcomes.set(row, "create");
      continue;
    }
    const before = auditValues(existing, currentFeeds);
    const outcome = compare(before, after);
    plan.outcomes.set(row, outcome);
    if (outcome === "unchanged") continue;
    const write: CabinetWrite = { ...values, row, id: existing.id, audit: { objectType: "cabinet", objectLabel: label, before, after } };
    plan.updates.push(write);
    if (data.power_feeds) {
      const byName = new Map(existing.feeds.map((f) => [f.name, f]));
      for (const f of data.power_feeds) {
        const current = byName.get(f.feed);
        if (!current) plan.feedInserts.push({ cabinet: write, name: f.feed, source: f.source, id: null, row });
        else if (current.source !== f.source) plan.feedUpdates.push({ cabinet: write, name: f.feed, source: f.source, id: current.id, row });
      }
      const listed = new Set(data.power_feeds.map((f) => f.feed));
      for (const f of existing.feeds) if (!listed.has(f.name)) plan.feedDeletes.push({ id: f.id, row });
    }
  }
  plan.issues = issues.list;
  return plan;
}
