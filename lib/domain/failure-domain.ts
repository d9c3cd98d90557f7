// Failure-domain references (`type:key`, DESIGN.md "Failure domains"): parse, format, resolve against a
// snapshot, and list for search-as-you-type.
import { compareNatural, type SnapshotIndex } from "./failure-snapshot";

export const DOMAIN_TYPES = ["site", "room", "cabinet", "power_source", "power_feed", "device", "nic_driver", "model"] as const;
export type DomainType = (typeof DOMAIN_TYPES)[number];

// physical: a place or a box; fleet: every box of a kind, wherever it is
export type DomainGroup = "physical" | "fleet";
export const DOMAIN_GROUPS: Readonly<Record<DomainType, DomainGroup>> = {
  site: "physical",
  room: "physical",
  cabinet: "physical",
  power_source: "physical",
  power_feed: "physical",
  device: "physical",
  nic_driver: "fleet",
  model: "fleet",
};

// how a type reads in sentences ("power feed ORD1/C12/A failed")
export const DOMAIN_TYPE_LABELS: Readonly<Record<DomainType, string>> = {
  site: "site",
  room: "room",
  cabinet: "cabinet",
  power_source: "power source",
  power_feed: "power feed",
  device: "device",
  nic_driver: "nic driver",
  model: "model",
};

export const DOMAIN_EXAMPLES: Readonly<Record<DomainType, string>> = {
  site: "site:ORD1",
  room: "room:ORD1/Room A",
  cabinet: "cabinet:ORD1/C12",
  power_source: "power_source:ORD1/UPS-2",
  power_feed: "power_feed:ORD1/C12/A",
  device: "device:tor-c12-a",
  nic_driver: "nic_driver:bnx2",
  model: "model:PowerEdge C5220",
};

export interface DomainRef {
  type: DomainType;
  key: string;
}

export type ParseDomainRefResult = { ok: true; ref: DomainRef } | { ok: false; error: string };

// A domain that exists in a snapshot. `id` is the row id, or the driver name for nic_driver;
// `ref` is the canonical `type:key` spelling (as stored, even if it was asked for in another case).
export type ResolvedDomain =
  | { type: Exclude<DomainType, "nic_driver">; id: number; key: string; ref: string }
  | { type: "nic_driver"; id: string; key: string; ref: string };

export interface DomainError {
  // the reference as it was given
  ref: string;
  message: string;
}

export type ResolveDomainsResult = { ok: true; domains: ResolvedDomain[] } | { ok: false; errors: DomainError[] };

export function isDomainType(text: string): text is DomainType {
  return (DOMAIN_TYPES as readonly string[]).includes(text);
}

const TYPE_LIST = DOMAIN_TYPES.join(", ");

// Syntax only; whether the domain exists is resolveDomain's question. The type is case-insensitive and
// accepts hyphens or spaces for underscores ("Power-Feed"); the key is trimmed and otherwise kept as given.
// Keys are matched whole against each record's canonical key, so names may contain slashes; the parser only
// checks that a key has as many parts as its type needs (room, cabinet, power_source: site/name;
// power_feed: site/cabinet/feed — the site is before the first slash, the feed after the last).
export function parseDomainRef(text: string): ParseDomainRefResult {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(":");
  if (colon < 0) {
    return {
      ok: false,
      error: `"${trimmed}" is not a failure domain reference: write type:key, e.g. ${DOMAIN_EXAMPLES.cabinet} (types: ${TYPE_LIST})`,
    };
  }
  const typeText = trimmed.slice(0, colon).trim().toLowerCase().replace(/[\s-]+/g, "_");
  if (!isDomainType(typeText)) {
    return {
      ok: false,
      error: `unknown failure domain type "${trimmed.slice(0, colon).trim()}" in "${trimmed}": use one of ${TYPE_LIST}`,
    };
  }
  const type = typeText;
  const key = trimmed.slice(colon + 1).trim();
  if (key === "") return { ok: false, error: `"${trimmed}" has no key: write it like ${DOMAIN_EXAMPLES[type]}` };
  const shapeError = checkKeyShape(type, key);
  if (shapeError !== null) return { ok: false, error: shapeError };
  return { ok: true, ref: { type, key } };
}

function checkKeyShape(type: DomainType, key: string): string | null {
  const parts = key.split("/");
  const first = parts[0] ?? "";
  const last = parts[parts.length - 1] ?? "";
  switch (type) {
    case "room":
    case "cabinet":
    case "power_source": {
      const what = type === "power_source" ? "source" : type;
      if (parts.length < 2 || first.trim() === "" || parts.slice(1).join("/").trim() === "") {
        return `${type} key "${key}" must be site/${what}, e.g. ${DOMAIN_EXAMPLES[type]}`;
      }
      return null;
    }
    case "power_feed":
      if (parts.length < 3 || first.trim() === "" || last.trim() === "" || parts.slice(1, -1).join("/").trim() === "") {
        return `power_feed key "${key}" must be site/cabinet/feed, e.g. ${DOMAIN_EXAMPLES.power_feed}`;
      }
      return null;
    default:
      return null;
  }
}

export function formatDomainRef(ref: DomainRef): string {
  return `${ref.type}:${ref.key}`;
}

// ---------------------------------------------------------------- canonical keys

export function siteKey(index: SnapshotIndex, siteId: number): string {
  return index.siteById.get(siteId)?.name ?? `#${siteId}`;
}

export function roomKey(index: SnapshotIndex, roomId: number): string {
  const room = index.roomById.get(roomId);
  return room === undefined ? `#${roomId}` : `${siteKey(index, room.siteId)}/${room.name}`;
}

export function cabinetKey(index: SnapshotIndex, cabinetId: number): string {
  const cabinet = index.cabinetById.get(cabinetId);
  return cabinet === undefined ? `#${cabinetId}` : `${siteKey(index, cabinet.siteId)}/${cabinet.name}`;
}

export function powerSourceKey(index: SnapshotIndex, sourceId: number): string {
  const source = index.powerSourceById.get(sourceId);
  return source === undefined ? `#${sourceId}` : `${siteKey(index, source.siteId)}/${source.name}`;
}

export function powerFeedKey(index: SnapshotIndex, feedId: number): string {
  const feed = index.powerFeedById.get(feedId);
  return feed === undefined ? `#${feedId}` : `${cabinetKey(index, feed.cabinetId)}/${feed.name}`;
}

export function domainKey(index: SnapshotIndex, type: DomainType, id: number | string): string {
  switch (type) {
    case "nic_driver":
      return String(id);
    case "site":
      return siteKey(index, Number(id));
    case "room":
      return roomKey(index, Number(id));
    case "cabinet":
      return cabinetKey(index, Number(id));
    case "power_source":
      return powerSourceKey(index, Number(id));
    case "power_feed":
      return powerFeedKey(index, Number(id));
    case "device":
      return index.deviceById.get(Number(id))?.hostname ?? `#${id}`;
    case "model":
      return index.modelById.get(Number(id))?.name ?? `#${id}`;
  }
}

export function domainRefOf(index: SnapshotIndex, type: DomainType, id: number | string): string {
  return `${type}:${domainKey(index, type, id)}`;
}

function resolved(type: DomainType, id: number | string, key: string): ResolvedDomain {
  const ref = `${type}:${key}`;
  return type === "nic_driver" ? { type, id: String(id), key, ref } : { type, id: Number(id), key, ref };
}

// every domain of a type that exists in the snapshot, unsorted
function allOfType(index: SnapshotIndex, type: DomainType, onlyInUse: boolean): ResolvedDomain[] {
  const { snapshot } = index;
  switch (type) {
    case "site":
      return snapshot.sites.map((s) => resolved(type, s.id, s.name));
    case "room":
      return snapshot.rooms.map((r) => resolved(type, r.id, roomKey(index, r.id)));
    case "cabinet":
      return snapshot.cabinets.map((c) => resolved(type, c.id, cabinetKey(index, c.id)));
    case "power_source":
      return snapshot.powerSources.map((s) => resolved(type, s.id, powerSourceKey(index, s.id)));
    case "power_feed":
      return snapshot.powerFeeds.map((f) => resolved(type, f.id, powerFeedKey(index, f.id)));
    case "device":
      return snapshot.devices.map((d) => resolved(type, d.id, d.hostname));
    case "nic_driver":
      return [...index.nicDrivers].map((d) => resolved(type, d, d));
    case "model": {
      if (!onlyInUse) return snapshot.models.map((m) => resolved(type, m.id, m.name));
      const used = new Set<number>();
      for (const device of snapshot.devices) used.add(device.modelId);
      return snapshot.models.filter((m) => used.has(m.id)).map((m) => resolved(type, m.id, m.name));
    }
  }
}

interface KeyLookup {
  exact: Map<string, ResolvedDomain[]>;
  folded: Map<string, ResolvedDomain[]>;
}

// built on first use per index and type, so resolving one cabinet does not build 100k device keys
const lookups = new WeakMap<SnapshotIndex, Map<DomainType, KeyLookup>>();

function lookupFor(index: SnapshotIndex, type: DomainType): KeyLookup {
  let perType = lookups.get(index);
  if (perType === undefined) {
    perType = new Map();
    lookups.set(index, perType);
  }
  let lookup = perType.get(type);
  if (lookup === undefined) {
    lookup = { exact: new Map(), folded: new Map() };
    for (const domain of allOfType(index, type, false)) {
      const exact = lookup.exact.get(domain.key);
      if (exact === undefined) lookup.exact.set(domain.key, [domain]);
      else exact.push(domain);
      const foldedKey = domain.key.toLowerCase();
      const folded = lookup.folded.get(foldedKey);
      if (folded === undefined) lookup.folded.set(foldedKey, [domain]);
      else folded.push(domain);
    }
    perType.set(type, lookup);
  }
  return lookup;
}

export type ResolveDomainResult = { ok: true; domain: ResolvedDomain } | { ok: false; error: DomainError };

// An exact key wins; otherwise a case-insensitive match is accepted when it is the only one.
// A reference that matches no record is an error naming it.
export function resolveDomain(index: SnapshotIndex, text: string): ResolveDomainResult {
  const parsed = parseDomainRef(text);
  if (!parsed.ok) return { ok: false, error: { ref: text, message: parsed.error } };
  const { type, key } = parsed.ref;
  const label = DOMAIN_TYPE_LABELS[type];
  const ref = formatDomainRef(parsed.ref);
  const lookup = lookupFor(index, type);
  const matches = lookup.exact.get(key) ?? lookup.folded.get(key.toLowerCase()) ?? [];
  if (matches.length === 0) return { ok: false, error: { ref: text, message: `${ref} matches no ${label}` } };
  if (matches.length > 1) {
    // the same key from different records (a slash in a site name), or keys that differ only in case
    const names = [...new Set(matches.map((m) => m.ref))].sort(compareNatural);
    const which = names.length > 1 ? `: ${names.join(", ")}` : "";
    return { ok: false, error: { ref: text, message: `${ref} is ambiguous: ${matches.length} ${label}s have that key${which}` } };
  }
  return { ok: true, domain: matches[0]! };
}

// Every reference must resolve; all errors are reported at once. Duplicates are dropped (first one kept).
export function resolveDomains(index: SnapshotIndex, refs: readonly string[]): ResolveDomainsResult {
  const domains: ResolvedDomain[] = [];
  const errors: DomainError[] = [];
  const seen = new Set<string>();
  for (const text of refs) {
    const result = resolveDomain(index, text);
    if (!result.ok) errors.push(result.error);
    else if (!seen.has(result.domain.ref)) {
      seen.add(result.domain.ref);
      domains.push(result.domain);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, domains };
}

// For search-as-you-type: every domain of a type that exists in the snapshot, sorted by key.
// nic_driver lists every distinct driver of any Nic; model lists only models some device uses.
export function listDomains(index: SnapshotIndex, type: DomainType): ResolvedDomain[] {
  return allOfType(index, type, true).sort((a, b) => compareNatural(a.key, b.key));
}

// Sorts `type:key` strings by type (in DOMAIN_TYPES order), then naturally by key.
export function compareDomainRefs(a: string, b: string): number {
  const ta = a.indexOf(":");
  const tb = b.indexOf(":");
  const oa = DOMAIN_TYPES.indexOf(a.slice(0, ta) as DomainType);
  const ob = DOMAIN_TYPES.indexOf(b.slice(0, tb) as DomainType);
  if (oa !== ob) return oa - ob;
  return compareNatural(a.slice(ta + 1), b.slice(tb + 1));
}

export function domainTypeOfRef(ref: string): DomainType {
  const type = ref.slice(0, ref.indexOf(":"));
  if (!isDomainType(type)) throw new Error(`not a domain reference: ${ref}`);
  return type;
}
