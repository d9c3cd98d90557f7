// The blast radius of a set of failed domains F (DESIGN.md "Impact of a set of failed domains F").
// Two passes over the devices: first every device's own state from placement and power (that is all a
// switch depends on), then every non-switch device's network from its paths' peers. O(devices + paths).
import {
  cabinetKey,
  powerSourceKey,
  resolveDomains,
  roomKey,
  type DomainError,
  type ResolvedDomain,
} from "./failure-domain";
import {
  compareNatural,
  type DataPath,
  type DeviceNode,
  type DeviceStatus,
  type ModelKind,
  type SnapshotIndex,
  type SnapshotService,
} from "./failure-snapshot";

export type ServiceState = "ok" | "at_risk" | "outage";

export interface ImpactedDevice {
  deviceId: number;
  hostname: string;
  kind: ModelKind;
  status: DeviceStatus;
  reasons: string[];
}

export interface NeedsHandsDevice extends ImpactedDevice {
  // why nobody can bring it back remotely
  handsReasons: string[];
  site: string | null;
  room: string | null;
  cabinet: string | null;
  // the U of the device, or of its chassis for a sled
  uLow: number | null;
  chassis: string | null;
  bay: number | null;
}

// readonly: entries of services no failure touched are shared between calls
export interface ServiceImpact {
  readonly serviceId: number;
  readonly name: string;
  readonly state: ServiceState;
  readonly up: number;
  readonly total: number;
  readonly minUp: number;
  // member hostnames, sorted
  readonly down: readonly string[];
  readonly degraded: readonly string[];
}

export interface Impact {
  // canonical references of F, in the order given
  failed: string[];
  down: ImpactedDevice[];
  degraded: ImpactedDevice[];
  needsHands: NeedsHandsDevice[];
  services: ServiceImpact[];
}

interface FailureSet {
  sites: Set<number>;
  rooms: Set<number>;
  cabinets: Set<number>;
  powerSources: Set<number>;
  powerFeeds: Set<number>;
  devices: Set<number>;
  models: Set<number>;
  nicDrivers: Set<string>;
}

function toFailureSet(domains: readonly ResolvedDomain[]): FailureSet {
  const set: FailureSet = {
    sites: new Set(),
    rooms: new Set(),
    cabinets: new Set(),
    powerSources: new Set(),
    powerFeeds: new Set(),
    devices: new Set(),
    models: new Set(),
    nicDrivers: new Set(),
  };
  for (const domain of domains) {
    switch (domain.type) {
      case "site":
        set.sites.add(domain.id);
        break;
      case "room":
        set.rooms.add(domain.id);
        break;
      case "cabinet":
        set.cabinets.add(domain.id);
        break;
      case "power_source":
        set.powerSources.add(domain.id);
        break;
      case "power_feed":
        set.powerFeeds.add(domain.id);
        break;
      case "device":
        set.devices.add(domain.id);
        break;
      case "model":
        set.models.add(domain.id);
        break;
      case "nic_driver":
        set.nicDrivers.add(domain.id);
        break;
    }
  }
  return set;
}

// Per affected device: reasons it is down, reasons it is degraded, and whether its out-of-band controller
// went dark with it (`dark`: why, or null).
interface DeviceState {
  down: string[];
  degraded: string[];
  dark: string | null;
}

// a device's verdict in computeImpact (0: unaffected)
const DOWN = 1;
const DEGRADED = 2;

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

// "feeds A, B of ORD1/C12" (feeds of several cabinets: "feeds A of ORD1/C12, B of ORD1/C13")
function describeFeeds(index: SnapshotIndex, feedIds: readonly number[]): string {
  const groups: { cabinetId: number; names: string[] }[] = [];
  for (const id of feedIds) {
    const feed = index.powerFeedById.get(id)!;
    const last = groups[groups.length - 1];
    if (last !== undefined && last.cabinetId === feed.cabinetId) last.names.push(feed.name);
    else groups.push({ cabinetId: feed.cabinetId, names: [feed.name] });
  }
  const body = groups.map((g) => `${g.names.join(", ")} of ${cabinetKey(index, g.cabinetId)}`).join(", ");
  return `${plural(feedIds.length, "feed", "feeds")} ${body}`;
}

// " (power source ORD1/UPS-2 failed)" when failed sources, not the feeds themselves, cut these feeds
function sourceCause(index: SnapshotIndex, failed: FailureSet, feedIds: readonly number[]): string {
  if (failed.powerSources.size === 0) return "";
  const sources = new Set<number>();
  for (const id of feedIds) {
    const feed = index.powerFeedById.get(id)!;
    if (feed.sourceId !== null && failed.powerSources.has(feed.sourceId) && !failed.powerFeeds.has(id)) sources.add(feed.sourceId);
  }
  if (sources.size === 0) return "";
  const names = [...sources].map((id) => powerSourceKey(index, id)).sort(compareNatural);
  return ` (${plural(names.length, "power source", "power sources")} ${names.join(", ")} failed)`;
}

function pathCut(path: DataPath, failed: FailureSet, baseDown: Uint8Array): "driver" | "peer" | null {
  if (path.nic.driver !== null && failed.nicDrivers.has(path.nic.driver)) return "driver";
  if (baseDown[path.peerIdx] === 1) return "peer";
  return null;
}

// `driversSaid`: the "nic driver X failed" part by driver list, one string shared by every device a driver cuts
// off (35k of them for a common driver)
function uplinksLost(paths: readonly DataPath[], failed: FailureSet, baseDown: Uint8Array, driversSaid: Map<string, string>): string {
  // a device has a handful of paths: arrays, not sets
  const drivers: string[] = [];
  const peers: string[] = [];
  for (const path of paths) {
    const cut = pathCut(path, failed, baseDown);
    if (cut === "driver") {
      if (!drivers.includes(path.nic.driver!)) drivers.push(path.nic.driver!);
    } else if (cut === "peer" && !peers.includes(path.peer.hostname)) peers.push(path.peer.hostname);
  }
  let driverPart: string | undefined;
  if (drivers.length > 0) {
    const key = drivers.length === 1 ? drivers[0]! : drivers.sort(compareNatural).join("\n");
    driverPart = driversSaid.get(key);
    if (driverPart === undefined) {
      driverPart = `${plural(drivers.length, "nic driver", "nic drivers")} ${drivers.join(", ")} failed`;
      driversSaid.set(key, driverPart);
    }
  }
  if (peers.length === 0) return driverPart!;
  const parts: string[] = [];
  if (driverPart !== undefined) parts.push(driverPart);
  parts.push(`${peers.sort(compareNatural).join(", ")} down`);
  const n = paths.length;
  const prefix = n === 1 ? "uplink lost" : n === 2 ? "both uplinks lost" : `all ${n} uplinks lost`;
  return `${prefix}: ${parts.join("; ")}`;
}

function uplinksDegraded(paths: readonly DataPath[], failed: FailureSet, baseDown: Uint8Array, cutCount: number): string {
  const lost: string[] = [];
  for (const path of paths) {
    const cut = pathCut(path, failed, baseDown);
    if (cut === "driver") lost.push(`${path.nic.name} (nic driver ${path.nic.driver} failed)`);
    else if (cut === "peer") lost.push(`${path.nic.name} (${path.peer.hostname} down)`);
  }
  return `lost ${cutCount} of ${paths.length} uplinks: ${lost.join(", ")}`;
}

// The out-of-band path of a down device: null when it is alive, else why it is gone.
// Alive = an enabled oob Nic that is uncabled (no recorded dependency) or whose cable leads to a device that is
// up by its own placement and power; with no oob Nic, a recorded oob IP counts as a path with no dependency.
function oobGone(node: DeviceNode, baseDown: Uint8Array): string[] | null {
  if (node.oobLinks.length === 0) {
    return node.device.oobIp !== null && node.device.oobIp !== "" ? null : ["no out-of-band management recorded (no oob Nic, no oob IP)"];
  }
  const why: string[] = [];
  for (const { nic, peerNic, peer, peerIdx } of node.oobLinks) {
    if (!nic.enabled) {
      why.push(`out-of-band Nic ${nic.name} disabled`);
      continue;
    }
    if (peerNic === null) return null;
    if (!peerNic.enabled) why.push(`out-of-band Nic ${nic.name}: port ${peer!.hostname} ${peerNic.name} disabled`);
    else if (baseDown[peerIdx] === 1) why.push(`out-of-band switch ${peer!.hostname} down`);
    else return null;
  }
  return why;
}

export function computeImpact(index: SnapshotIndex, failedDomains: readonly ResolvedDomain[]): Impact {
  const failed = toFailureSet(failedDomains);
  const { nodes } = index;
  const n = nodes.length;

  const failedFeeds = new Set<number>(failed.powerFeeds);
  for (const sourceId of failed.powerSources) for (const feed of index.feedsBySource.get(sourceId) ?? []) failedFeeds.add(feed.id);

  const states: (DeviceState | undefined)[] = new Array<DeviceState | undefined>(n);
  const affected: number[] = [];
  const stateOf = (idx: number): DeviceState => {
    let state = states[idx];
    if (state === undefined) {
      state = { down: [], degraded: [], dark: null };
      states[idx] = state;
      affected.push(idx);
    }
    return state;
  };

  // pass 1: placement, model, chassis and power — everything a switch depends on. Only devices a failed
  // domain can reach are visited (the index's reverse maps), so one domain costs what it touches.
  const seen = new Uint8Array(n);
  const candidates: DeviceNode[] = [];
  const visit = (list: readonly DeviceNode[] | undefined) => {
    if (list === undefined) return;
    for (const node of list) {
      if (seen[node.idx] === 1) continue;
      seen[node.idx] = 1;
      candidates.push(node);
    }
  };
  const withSleds = (node: DeviceNode | undefined) => {
    if (node === undefined) return;
    visit([node]);
    const sleds = index.sledsByChassis.get(node.device.id);
    if (sleds !== undefined) visit(sleds.map((sled) => index.nodeByDeviceId.get(sled.id)!));
  };
  for (const id of failed.devices) withSleds(index.nodeByDeviceId.get(id));
  for (const id of failed.models) for (const node of index.nodesByModel.get(id) ?? []) withSleds(node);
  for (const id of failed.cabinets) visit(index.nodesByCabinet.get(id));
  for (const id of failed.rooms) visit(index.nodesByRoom.get(id));
  for (const id of failed.sites) visit(index.nodesBySite.get(id));
  for (const id of failedFeeds) visit(index.nodesByFeed.get(id));

  // reason strings are worked out once per failed domain and shared by every device it takes down (a failed
  // site can mean 50k devices)
  const reasonOf = <K>(ids: Iterable<K>, make: (id: K) => string): Map<K, string> => {
    const map = new Map<K, string>();
    for (const id of ids) map.set(id, make(id));
    return map;
  };
  const deviceReasons = reasonOf(failed.devices, (id) => `device ${index.deviceById.get(id)!.hostname} failed`);
  const chassisReasons = reasonOf(failed.devices, (id) => `chassis ${index.deviceById.get(id)!.hostname} down`);
  const modelReasons = reasonOf(failed.models, (id) => `model ${index.modelById.get(id)!.name} failed`);
  const cabinetReasons = reasonOf(failed.cabinets, (id) => `cabinet ${cabinetKey(index, id)} failed`);
  const roomReasons = reasonOf(failed.rooms, (id) => `room ${roomKey(index, id)} failed`);
  const siteReasons = reasonOf(failed.sites, (id) => `site ${index.siteById.get(id)!.name} failed`);
  const chassisModelReasons = new Map<number, string>();
  const powerSaid = new Map<string, string>();

  const baseDown = new Uint8Array(n);
  const downByBase: DeviceNode[] = [];
  for (const node of candidates) {
    const i = node.idx;
    const { device, chassis } = node;
    const own = deviceReasons.get(device.id);
    if (own !== undefined) stateOf(i).down.push(own);
    if (chassis !== null) {
      const byChassis = chassisReasons.get(chassis.id);
      if (byChassis !== undefined) {
        const state = stateOf(i);
        state.down.push(byChassis);
        state.dark ??= byChassis;
      }
      if (failed.models.has(chassis.modelId)) {
        let reason = chassisModelReasons.get(chassis.id);
        if (reason === undefined) {
          reason = `chassis ${chassis.hostname} down: model ${node.chassisModel!.name} failed`;
          chassisModelReasons.set(chassis.id, reason);
        }
        const state = stateOf(i);
        state.down.push(reason);
        state.dark ??= reason;
      }
    }
    const byModel = modelReasons.get(device.modelId);
    if (byModel !== undefined) stateOf(i).down.push(byModel);
    for (const reason of [
      node.cabinet === null ? undefined : cabinetReasons.get(node.cabinet.id),
      node.room === null ? undefined : roomReasons.get(node.room.id),
      node.site === null ? undefined : siteReasons.get(node.site.id),
    ]) {
      if (reason === undefined) continue;
      const state = stateOf(i);
      state.down.push(reason);
      state.dark ??= reason;
    }
    const power = node.power;
    if (failedFeeds.size > 0 && power.length > 0) {
      let cut = 0;
      for (const feedId of power) if (failedFeeds.has(feedId)) cut++;
      if (cut === power.length) {
        const state = stateOf(i);
        const key = power.join();
        let reason = powerSaid.get(key);
        if (reason === undefined) {
          reason = `all power lost: ${describeFeeds(index, power)}${sourceCause(index, failed, power)}`;
          powerSaid.set(key, reason);
        }
        state.down.push(reason);
        state.dark ??= "all power lost";
      } else if (cut > 0) {
        const key = `-${power.join()}`;
        let reason = powerSaid.get(key);
        if (reason === undefined) {
          const lost = power.filter((id) => failedFeeds.has(id));
          reason = `lost ${cut} of ${power.length} power feeds: ${describeFeeds(index, lost).replace(/^feeds? /, "")}${sourceCause(index, failed, lost)}`;
          powerSaid.set(key, reason);
        }
        stateOf(i).degraded.push(reason);
      }
    }
    const state = states[i];
    if (state !== undefined && state.down.length > 0) {
      baseDown[i] = 1;
      downByBase.push(node);
    }
  }

  // pass 2: the network of every device but switches (a switch does not depend on its own uplinks), visiting
  // only devices with a path to a device down in pass 1 or through a failed driver. A device already down by
  // its own placement or power is not examined: its own reason is the one to act on.
  const networkCandidates: DeviceNode[] = [];
  const seenNetwork = new Uint8Array(n);
  const visitNetwork = (list: readonly DeviceNode[] | undefined) => {
    if (list === undefined) return;
    for (const node of list) {
      if (seenNetwork[node.idx] === 1 || node.isSwitch || baseDown[node.idx] === 1) continue;
      seenNetwork[node.idx] = 1;
      networkCandidates.push(node);
    }
  };
  for (const node of downByBase) visitNetwork(index.nodesByPathPeer.get(node.device.id));
  for (const driver of failed.nicDrivers) visitNetwork(index.nodesByPathDriver.get(driver));
  const driversSaid = new Map<string, string>();
  for (const node of networkCandidates) {
    const paths = node.paths;
    let cut = 0;
    for (const path of paths) if (pathCut(path, failed, baseDown) !== null) cut++;
    if (cut === 0) continue;
    if (cut === paths.length) stateOf(node.idx).down.push(uplinksLost(paths, failed, baseDown, driversSaid));
    else stateOf(node.idx).degraded.push(uplinksDegraded(paths, failed, baseDown, cut));
  }

  const darkReasons = new Map<string, string>();
  const darkSaid = (dark: string): string => {
    let text = darkReasons.get(dark);
    if (text === undefined) darkReasons.set(dark, (text = `${dark}: its out-of-band controller is dark too`));
    return text;
  };
  // Each affected device's row is made in `affected` order, which mostly follows the order the index was built
  // in (and so its memory), then the rows are listed in hostname order by sorting the devices' hostname ranks:
  // for 35k devices, walking them in hostname order instead took twice as long (cache misses).
  const verdict = new Uint8Array(n);
  const rows = new Array<ImpactedDevice | undefined>(n);
  const needsHands: NeedsHandsDevice[] = [];
  for (const i of affected) {
    const state = states[i]!;
    const node = nodes[i]!;
    const { device } = node;
    if (state.down.length > 0) {
      verdict[i] = DOWN;
      rows[i] = { deviceId: device.id, hostname: device.hostname, kind: device.kind, status: device.status, reasons: state.down };
      const handsReasons = state.dark !== null ? [darkSaid(state.dark)] : oobGone(node, baseDown);
      if (handsReasons !== null) {
        needsHands.push({
          deviceId: device.id,
          hostname: device.hostname,
          kind: device.kind,
          status: device.status,
          reasons: state.down,
          handsReasons,
          site: node.site?.name ?? null,
          room: node.room?.name ?? null,
          cabinet: node.cabinet?.name ?? null,
          uLow: (node.chassis ?? device).uLow ?? null,
          chassis: node.chassis?.hostname ?? null,
          bay: node.chassis !== null ? device.bay : null,
        });
      }
    } else {
      // a state is only made to hold a reason, so a device not down is degraded
      verdict[i] = DEGRADED;
      rows[i] = { deviceId: device.id, hostname: device.hostname, kind: device.kind, status: device.status, reasons: state.degraded };
    }
  }
  needsHands.sort(compareWalkingOrder);
  const ranks = new Int32Array(affected.length);
  for (let k = 0; k < affected.length; k++) ranks[k] = index.hostnameRank[affected[k]!]!;
  ranks.sort();
  const down: ImpactedDevice[] = [];
  const degraded: ImpactedDevice[] = [];
  for (const rank of ranks) {
    const i = index.hostnameOrder[rank]!;
    (verdict[i] === DOWN ? down : degraded).push(rows[i]!);
  }

  // every service, by name; only those with an affected member are worked out member by member. Scanning
  // every member's state (40k at 100k devices) is cheaper than asking a map for each affected device's services.
  const services = servicesByName(index).map((entry) => {
    for (const i of entry.memberIdx) if (verdict[i] !== 0) return serviceImpact(entry, verdict);
    return entry.untouched;
  });

  return { failed: failedDomains.map((d) => d.ref), down, degraded, needsHands, services };
}

// the order a technician walks: site, room, cabinet, U from the top (unknown U last), then a chassis
// followed by its sleds by bay, then hostname
function compareWalkingOrder(a: NeedsHandsDevice, b: NeedsHandsDevice): number {
  return (
    compareNullable(a.site, b.site) ||
    compareNullable(a.room, b.room) ||
    compareNullable(a.cabinet, b.cabinet) ||
    (b.uLow ?? -1) - (a.uLow ?? -1) ||
    compareNatural(a.chassis ?? a.hostname, b.chassis ?? b.hostname) ||
    (a.bay ?? 0) - (b.bay ?? 0) ||
    compareNatural(a.hostname, b.hostname)
  );
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareNatural(a, b);
}

export function serviceState(up: number, total: number, minUp: number, anyDegraded: boolean): ServiceState {
  if (up < minUp) return "outage";
  if (up < total || anyDegraded) return "at_risk";
  return "ok";
}

interface ServiceEntry {
  service: SnapshotService;
  // its impact when no member is affected
  untouched: ServiceImpact;
  // its members in hostname order, so its down and degraded lists need no sort, and their node.idx
  members: readonly DeviceNode[];
  memberIdx: Int32Array;
}

// every service by name; built once per index
const untouchedServices = new WeakMap<SnapshotIndex, readonly ServiceEntry[]>();

function servicesByName(index: SnapshotIndex): readonly ServiceEntry[] {
  let list = untouchedServices.get(index);
  if (list === undefined) {
    list = [...index.snapshot.services]
      .sort((a, b) => compareNatural(a.name, b.name))
      .map((service) => {
        const total = service.members.length;
        const untouched: ServiceImpact = Object.freeze({
          serviceId: service.id,
          name: service.name,
          state: serviceState(total, total, service.minUp, false),
          up: total,
          total,
          minUp: service.minUp,
          down: Object.freeze([]) as readonly string[],
          degraded: Object.freeze([]) as readonly string[],
        });
        const members = service.members
          .map((member) => index.nodeByDeviceId.get(member.deviceId)!)
          .sort((a, b) => index.hostnameRank[a.idx]! - index.hostnameRank[b.idx]!);
        return { service, untouched, members, memberIdx: Int32Array.from(members, (node) => node.idx) };
      });
    untouchedServices.set(index, list);
  }
  return list;
}

function serviceImpact({ service, members, memberIdx }: ServiceEntry, verdict: Uint8Array): ServiceImpact {
  const down: string[] = [];
  const degraded: string[] = [];
  for (let k = 0; k < memberIdx.length; k++) {
    const v = verdict[memberIdx[k]!];
    if (v === DOWN) down.push(members[k]!.device.hostname);
    else if (v === DEGRADED) degraded.push(members[k]!.device.hostname);
  }
  const total = service.members.length;
  const up = total - down.length;
  return {
    serviceId: service.id,
    name: service.name,
    state: serviceState(up, total, service.minUp, degraded.length > 0),
    up,
    total,
    minUp: service.minUp,
    down,
    degraded,
  };
}

export type ImpactForRefsResult = { ok: true; impact: Impact } | { ok: false; errors: DomainError[] };

// For POST /api/v1/impact: resolve the `type:key` strings, then compute; any unknown domain is an error.
export function computeImpactForRefs(index: SnapshotIndex, refs: readonly string[]): ImpactForRefsResult {
  const resolved = resolveDomains(index, refs);
  if (!resolved.ok) return resolved;
  return { ok: true, impact: computeImpact(index, resolved.domains) };
}
