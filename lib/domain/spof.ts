// Single points of failure (DESIGN.md "Single points of failure"): each device's hard-dependency set — the
// domains whose failure alone takes it down — and, from those, the SPOFs of a Service. The sets are built so
// that `D ∈ hardDependencies(d)` exactly when `computeImpact({D})` puts d down (spof.test.ts checks it).
import {
  DOMAIN_GROUPS,
  cabinetKey,
  compareDomainRefs,
  domainTypeOfRef,
  powerFeedKey,
  powerSourceKey,
  roomKey,
  type DomainGroup,
  type DomainType,
} from "./failure-domain";
import { compareNatural, type DataPath, type DeviceNode, type SnapshotIndex, type SnapshotService } from "./failure-snapshot";

interface HardCache {
  base: Map<number, ReadonlySet<string>>;
  full: Map<number, ReadonlySet<string>>;
  // `type:key` strings by type and id, so each is built once
  refs: Map<string, Map<number, string>>;
}

// hard sets depend only on the index, so they are computed once per index and device
const caches = new WeakMap<SnapshotIndex, HardCache>();

function cacheFor(index: SnapshotIndex): HardCache {
  let cache = caches.get(index);
  if (cache === undefined) {
    cache = { base: new Map(), full: new Map(), refs: new Map() };
    caches.set(index, cache);
  }
  return cache;
}

function refOf(cache: HardCache, type: string, id: number, key: () => string): string {
  let byId = cache.refs.get(type);
  if (byId === undefined) cache.refs.set(type, (byId = new Map()));
  let ref = byId.get(id);
  if (ref === undefined) byId.set(id, (ref = `${type}:${key()}`));
  return ref;
}

// placement, model, chassis and power: what a switch depends on, and what a peer contributes to a path
function baseHard(index: SnapshotIndex, node: DeviceNode): ReadonlySet<string> {
  const cache = cacheFor(index);
  const cached = cache.base.get(node.device.id);
  if (cached !== undefined) return cached;
  const set = new Set<string>();
  const { device, chassis, cabinet, room, site, power } = node;
  set.add(refOf(cache, "device", device.id, () => device.hostname));
  set.add(refOf(cache, "model", device.modelId, () => node.model.name));
  if (chassis !== null) {
    set.add(refOf(cache, "device", chassis.id, () => chassis.hostname));
    set.add(refOf(cache, "model", chassis.modelId, () => node.chassisModel!.name));
  }
  if (cabinet !== null) set.add(refOf(cache, "cabinet", cabinet.id, () => cabinetKey(index, cabinet.id)));
  if (room !== null) set.add(refOf(cache, "room", room.id, () => roomKey(index, room.id)));
  if (site !== null) set.add(refOf(cache, "site", site.id, () => site.name));
  if (power.length === 1) set.add(refOf(cache, "power_feed", power[0]!, () => powerFeedKey(index, power[0]!)));
  if (power.length > 0) {
    const source = index.powerFeedById.get(power[0]!)!.sourceId;
    if (source !== null && power.every((id) => index.powerFeedById.get(id)!.sourceId === source)) {
      set.add(refOf(cache, "power_source", source, () => powerSourceKey(index, source)));
    }
  }
  cache.base.set(device.id, set);
  return set;
}

function hardOf(index: SnapshotIndex, node: DeviceNode): ReadonlySet<string> {
  const cache = cacheFor(index).full;
  const cached = cache.get(node.device.id);
  if (cached !== undefined) return cached;
  const base = baseHard(index, node);
  let set: ReadonlySet<string> = base;
  if (!node.isSwitch && node.paths.length > 0) {
    // a path is cut by its Nic's driver or by anything that takes its peer down by placement and power;
    // the device is cut off by a single domain only if that domain cuts every path
    const cuts = (path: DataPath, ref: string) =>
      (path.nic.driver !== null && path.nic.driver !== "" && ref === `nic_driver:${path.nic.driver}`) ||
      baseHard(index, index.nodes[path.peerIdx]!).has(ref);
    const [first, ...rest] = node.paths;
    const candidates = [...baseHard(index, index.nodes[first!.peerIdx]!)];
    if (first!.nic.driver !== null && first!.nic.driver !== "") candidates.push(`nic_driver:${first!.nic.driver}`);
    const common = candidates.filter((ref) => rest.every((path) => cuts(path, ref)));
    if (common.length > 0) set = new Set([...base, ...common]);
  }
  cache.set(node.device.id, set);
  return set;
}

// The domains (`type:key`) whose failure alone takes the device down: itself, its chassis and the chassis'
// model, its cabinet, room and site, the feed/source common to all its feeds, what is common to all its
// paths (driver or the peer's own hard dependencies), and its model.
export function hardDependencies(index: SnapshotIndex, deviceId: number): Set<string> {
  const node = index.nodeByDeviceId.get(deviceId);
  if (node === undefined) throw new Error(`device ${deviceId} is not in the snapshot`);
  return new Set(hardOf(index, node));
}

export interface SpofEntry {
  ref: string;
  type: DomainType;
  group: DomainGroup;
  // the member hostnames its failure takes down, sorted
  members: string[];
}

export interface ServiceSpofs {
  serviceId: number;
  name: string;
  minUp: number;
  total: number;
  // the state with nothing failed: "outage" when the service has fewer members than minUp, else "ok"
  state: "ok" | "outage";
  // sorted by type (site, room, cabinet, power_source, power_feed, device, nic_driver, model), then key
  spofs: SpofEntry[];
  physical: string[];
  fleet: string[];
}

function memberNodes(index: SnapshotIndex, service: SnapshotService): DeviceNode[] {
  return service.members.map((member) => {
    const node = index.nodeByDeviceId.get(member.deviceId);
    if (node === undefined) throw new Error(`service ${service.name}: device ${member.deviceId} is not in the snapshot`);
    return node;
  });
}

// every domain held by a member, with the member hostnames holding it
function holders(index: SnapshotIndex, nodes: readonly DeviceNode[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const node of nodes) {
    for (const ref of hardOf(index, node)) {
      const list = map.get(ref);
      if (list === undefined) map.set(ref, [node.device.hostname]);
      else list.push(node.device.hostname);
    }
  }
  return map;
}

function entry(ref: string, members: string[]): SpofEntry {
  const type = domainTypeOfRef(ref);
  return { ref, type, group: DOMAIN_GROUPS[type], members: [...members].sort(compareNatural) };
}

// Every domain whose failure alone puts the service in outage: a domain takes down the members holding it in
// their hard set, and the service is out when total - that count < minUp (for minUp = 1: the intersection of
// the members' sets). A service already short of members (total < minUp) is in outage with nothing failed;
// it gets no SPOF list, since every domain — and none — "puts it in outage". minUp <= 0 never has SPOFs.
export function serviceSpofs(index: SnapshotIndex, service: SnapshotService): ServiceSpofs {
  const nodes = memberNodes(index, service);
  const total = nodes.length;
  const spofs: SpofEntry[] = [];
  const baselineOutage = total < service.minUp;
  if (!baselineOutage && service.minUp > 0) {
    for (const [ref, members] of holders(index, nodes)) {
      if (total - members.length < service.minUp) spofs.push(entry(ref, members));
    }
  }
  spofs.sort((a, b) => compareDomainRefs(a.ref, b.ref));
  return {
    serviceId: service.id,
    name: service.name,
    minUp: service.minUp,
    total,
    state: baselineOutage ? "outage" : "ok",
    spofs,
    physical: spofs.filter((s) => s.group === "physical").map((s) => s.ref),
    fleet: spofs.filter((s) => s.group === "fleet").map((s) => s.ref),
  };
}

// For GET /api/v1/spof: every service, by name.
export function allServiceSpofs(index: SnapshotIndex): ServiceSpofs[] {
  return index.snapshot.services.map((s) => serviceSpofs(index, s)).sort((a, b) => compareNatural(a.name, b.name));
}

export type SharedDomain = SpofEntry;

// Which members share which domains: every hard dependency held by two or more members, with their hostnames
// (`members`), sorted like the SPOFs.
export function sharedDomains(index: SnapshotIndex, service: SnapshotService): SharedDomain[] {
  const shared: SharedDomain[] = [];
  for (const [ref, members] of holders(index, memberNodes(index, service))) {
    if (members.length >= 2) shared.push(entry(ref, members));
  }
  return shared.sort((a, b) => compareDomainRefs(a.ref, b.ref));
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

// Sentences for members that share a chassis or a cabinet ("db-master-01 and db-slave-01 share cabinet
// ORD1/A03: move one"); chassis first, then cabinets, each by name. Sleds sharing a chassis also share its
// cabinet, and both sentences are given: moving a sled to another chassis in the same cabinet is not enough.
export function spreadAdvice(index: SnapshotIndex, service: SnapshotService): string[] {
  const byChassis = new Map<number, string[]>();
  const byCabinet = new Map<number, string[]>();
  for (const node of memberNodes(index, service)) {
    const host = node.device.hostname;
    if (node.chassis !== null) {
      const list = byChassis.get(node.chassis.id);
      if (list === undefined) byChassis.set(node.chassis.id, [host]);
      else list.push(host);
    }
    if (node.cabinet !== null) {
      const list = byCabinet.get(node.cabinet.id);
      if (list === undefined) byCabinet.set(node.cabinet.id, [host]);
      else list.push(host);
    }
  }
  const sentence = (hosts: string[], what: string): string => {
    const sorted = [...hosts].sort(compareNatural);
    const move = sorted.length === 2 ? "move one" : `move all but one`;
    return `${joinNames(sorted)} share ${what}: ${move}`;
  };
  const chassisAdvice = [...byChassis]
    .filter(([, hosts]) => hosts.length >= 2)
    .map(([id, hosts]) => ({ name: index.deviceById.get(id)!.hostname, hosts }))
    .sort((a, b) => compareNatural(a.name, b.name))
    .map(({ name, hosts }) => sentence(hosts, `chassis ${name}`));
  const cabinetAdvice = [...byCabinet]
    .filter(([, hosts]) => hosts.length >= 2)
    .map(([id, hosts]) => ({ name: cabinetKey(index, id), hosts }))
    .sort((a, b) => compareNatural(a.name, b.name))
    .map(({ name, hosts }) => sentence(hosts, `cabinet ${name}`));
  return [...chassisAdvice, ...cabinetAdvice];
}
