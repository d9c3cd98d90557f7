// The input of the failure-domain engine: plain, id-keyed rows that a handful of set-based SQL queries
// produce (one per table, plus device_power and cable rows folded in), and the index the algorithms share.
// Pure data: no Prisma types, so the engine can be fed by anything and tested with hand-built snapshots.

export type ModelKind = "chassis" | "sled" | "server" | "switch" | "storage" | "pdu" | "other";
export type NicKind = "nic" | "bond" | "oob";
export type DeviceStatus = "active" | "planned" | "staged" | "failed" | "offline" | "decommissioning" | "inventory";

export interface SnapshotSite {
  id: number;
  name: string;
}

export interface SnapshotRoom {
  id: number;
  siteId: number;
  name: string;
}

export interface SnapshotCabinet {
  id: number;
  siteId: number;
  roomId: number | null;
  name: string;
  // the cabinet's PowerFeeds; the index also adds every feed whose cabinetId points here
  feedIds: number[];
}

export interface SnapshotPowerSource {
  id: number;
  siteId: number;
  name: string;
}

export interface SnapshotPowerFeed {
  id: number;
  cabinetId: number;
  name: string;
  sourceId: number | null;
}

export interface SnapshotModel {
  id: number;
  name: string;
  kind: ModelKind;
  // how many bays a chassis model has (0 for anything else)
  bays: number;
}

export interface SnapshotDevice {
  id: number;
  hostname: string;
  modelId: number;
  // the model's kind, denormalised so a snapshot query can filter on it
  kind: ModelKind;
  siteId: number | null;
  roomId: number | null;
  cabinetId: number | null;
  chassisId: number | null;
  bay: number | null;
  // lowest U in the cabinet; only used to list needs-hands devices in walking order
  uLow?: number | null;
  // the device_power rows; empty = not recorded (the device then draws on every feed of its cabinet)
  feedIds: number[];
  oobIp: string | null;
  status: DeviceStatus;
}

export interface SnapshotNic {
  id: number;
  deviceId: number;
  name: string;
  kind: NicKind;
  driver: string | null;
  enabled: boolean;
  bondId: number | null;
  speedMbps: number | null;
  // the Nic at the other end of this Nic's cable (either end of the cable may carry it; the index makes it symmetric)
  peerNicId: number | null;
  // the device of peerNicId, if the query already joined it; checked against peerNicId
  peerDeviceId: number | null;
}

export interface SnapshotServiceMember {
  deviceId: number;
  role: string;
}

export interface SnapshotService {
  id: number;
  name: string;
  minUp: number;
  members: SnapshotServiceMember[];
}

export interface Snapshot {
  sites: SnapshotSite[];
  rooms: SnapshotRoom[];
  cabinets: SnapshotCabinet[];
  powerSources: SnapshotPowerSource[];
  powerFeeds: SnapshotPowerFeed[];
  models: SnapshotModel[];
  devices: SnapshotDevice[];
  nics: SnapshotNic[];
  services: SnapshotService[];
}

// A usable network path of a device: an enabled data Nic (kind nic, bond members included) cabled to an
// enabled Nic of another (or the same) device. Disabled Nics, Nics of a disabled bond and uncabled Nics carry
// no traffic in the data, so they are not paths (see failure-domains.md).
export interface DataPath {
  readonly nic: SnapshotNic;
  readonly peerNic: SnapshotNic;
  readonly peer: SnapshotDevice;
  // dense index of the peer device in SnapshotIndex.nodes
  readonly peerIdx: number;
}

// An out-of-band Nic of a device (enabled or not) and what its cable leads to, if anything: resolved once, so
// that an impact taking 35k devices down asks no map for each one's oob path.
export interface OobLink {
  readonly nic: SnapshotNic;
  readonly peerNic: SnapshotNic | null;
  readonly peer: SnapshotDevice | null;
  // dense index of the peer device in SnapshotIndex.nodes, -1 when uncabled
  readonly peerIdx: number;
}

// Where power comes from: the device's own device_power rows, its chassis' rows (a sled), or, when none are
// recorded, every feed of its cabinet (or its chassis' cabinet); "none" when there is nothing to draw on.
export type PowerOrigin = "device" | "chassis" | "cabinet" | "chassis_cabinet" | "none";

// Everything the algorithms need about one device, resolved once.
export interface DeviceNode {
  readonly idx: number;
  readonly device: SnapshotDevice;
  readonly model: SnapshotModel;
  readonly chassis: SnapshotDevice | null;
  readonly chassisModel: SnapshotModel | null;
  // effective placement: a sled is where its chassis is
  readonly cabinet: SnapshotCabinet | null;
  readonly room: SnapshotRoom | null;
  readonly site: SnapshotSite | null;
  // feed ids the device draws on (deduplicated, ordered by cabinet name then feed name)
  readonly power: readonly number[];
  readonly powerOrigin: PowerOrigin;
  readonly paths: readonly DataPath[];
  // its oob Nics in Nic order
  readonly oobLinks: readonly OobLink[];
  readonly isSwitch: boolean;
}

export interface SnapshotIndex {
  readonly snapshot: Snapshot;
  readonly siteById: ReadonlyMap<number, SnapshotSite>;
  readonly roomById: ReadonlyMap<number, SnapshotRoom>;
  readonly cabinetById: ReadonlyMap<number, SnapshotCabinet>;
  readonly powerSourceById: ReadonlyMap<number, SnapshotPowerSource>;
  readonly powerFeedById: ReadonlyMap<number, SnapshotPowerFeed>;
  readonly modelById: ReadonlyMap<number, SnapshotModel>;
  readonly deviceById: ReadonlyMap<number, SnapshotDevice>;
  readonly deviceByHostname: ReadonlyMap<string, SnapshotDevice>;
  readonly nicById: ReadonlyMap<number, SnapshotNic>;
  readonly serviceById: ReadonlyMap<number, SnapshotService>;
  readonly serviceByName: ReadonlyMap<string, SnapshotService>;
  // the Nic at the other end of each cabled Nic, both directions
  readonly peerOfNic: ReadonlyMap<number, SnapshotNic>;
  // every distinct non-empty driver of any Nic (the nic_driver domains), in first-seen order
  readonly nicDrivers: ReadonlySet<string>;
  readonly nicsByDevice: ReadonlyMap<number, readonly SnapshotNic[]>;
  readonly membersByBond: ReadonlyMap<number, readonly SnapshotNic[]>;
  readonly sledsByChassis: ReadonlyMap<number, readonly SnapshotDevice[]>;
  // ordered by feed name
  readonly feedsByCabinet: ReadonlyMap<number, readonly SnapshotPowerFeed[]>;
  readonly feedsBySource: ReadonlyMap<number, readonly SnapshotPowerFeed[]>;
  readonly servicesByDevice: ReadonlyMap<number, readonly SnapshotService[]>;
  // one node per device, in snapshot order (node.idx is the position)
  readonly nodes: readonly DeviceNode[];
  readonly nodeByDeviceId: ReadonlyMap<number, DeviceNode>;
  // reverse indexes, so an impact only visits the devices a failure can reach. By effective placement:
  // sleds are listed under their chassis' cabinet, room and site.
  readonly nodesByCabinet: ReadonlyMap<number, readonly DeviceNode[]>;
  readonly nodesByRoom: ReadonlyMap<number, readonly DeviceNode[]>;
  readonly nodesBySite: ReadonlyMap<number, readonly DeviceNode[]>;
  readonly nodesByModel: ReadonlyMap<number, readonly DeviceNode[]>;
  // devices drawing on a feed (node.power), sleds included
  readonly nodesByFeed: ReadonlyMap<number, readonly DeviceNode[]>;
  // devices with a path to a peer device (by the peer's device id), and with a path through a driver
  readonly nodesByPathPeer: ReadonlyMap<number, readonly DeviceNode[]>;
  readonly nodesByPathDriver: ReadonlyMap<string, readonly DeviceNode[]>;
  // node.idx of every node in hostname order (compareNatural), and each node's place in that order by
  // node.idx: a long list of devices (an impact of a NIC driver: 35k of 100k) is put in hostname order by
  // sorting these integers, ten times faster than comparing the names
  readonly hostnameOrder: Int32Array;
  readonly hostnameRank: Int32Array;
}

// A snapshot whose rows point at rows it does not hold: a bug in the queries that built it (or queries that
// did not read one consistent state: run them in one REPEATABLE READ transaction).
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SnapshotError";
  }
}

function byId<T extends { id: number }>(rows: readonly T[], what: string): Map<number, T> {
  const map = new Map<number, T>();
  for (const row of rows) {
    if (map.has(row.id)) throw new SnapshotError(`snapshot: ${what} id ${row.id} appears twice`);
    map.set(row.id, row);
  }
  return map;
}

// The referring row is named by a kind and a key, and the message is only built when the reference is
// dangling (no closure per call: there are 585k of them per index at 100k devices)
function need<T>(map: ReadonlyMap<number, T>, id: number, what: string, fromKind: string, fromKey: string | number): T {
  const row = map.get(id);
  if (row === undefined) throw new SnapshotError(`snapshot: ${fromKind} ${fromKey} points at ${what} ${id}, which is not in the snapshot`);
  return row;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

// Natural, case-insensitive order ("C2" < "C12", "app-9" < "app-10"), independent of the process locale so
// outputs sort the same everywhere; ties are broken by plain code-unit order, so the order is total.
export function compareNatural(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  while (i < la && j < lb) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let si = i;
      while (si < la && a.charCodeAt(si) === 48) si++;
      let sj = j;
      while (sj < lb && b.charCodeAt(sj) === 48) sj++;
      let ei = si;
      while (ei < la && isDigit(a.charCodeAt(ei))) ei++;
      let ej = sj;
      while (ej < lb && isDigit(b.charCodeAt(ej))) ej++;
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let k = 0; k < ei - si; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d;
      }
      i = ei;
      j = ej;
    } else {
      const d = lowerAscii(ca) - lowerAscii(cb);
      if (d !== 0) return d;
      i++;
      j++;
    }
  }
  const rest = la - i - (lb - j);
  if (rest !== 0) return rest;
  return a < b ? -1 : a > b ? 1 : 0;
}

// A string whose plain code-unit order is compareNatural's order (up to its tie-break): ASCII letters
// lower-cased, and each run of digits written as "0", one character for the run's length without its leading
// zeros, then those digits. At any difference both keys are at the start of a letter or of a run, and "0" stands
// against a letter as any digit would. 100k hostnames sort by key in 170-250 ms, keys included, where comparing
// them took 300 ms.
export function naturalSortKey(text: string): string {
  let key = "";
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) {
      key += String.fromCharCode(lowerAscii(c));
      i++;
      continue;
    }
    let start = i;
    while (start < n && text.charCodeAt(start) === 48) start++;
    let end = start;
    while (end < n && isDigit(text.charCodeAt(end))) end++;
    key += "0" + String.fromCharCode(end - start) + text.slice(start, end);
    i = end;
  }
  return key;
}

// node.idx of every node in compareNatural order of the hostnames
function hostnameOrderOf(nodes: readonly DeviceNode[]): Int32Array {
  const keys = nodes.map((node) => naturalSortKey(node.device.hostname));
  const order = Int32Array.from(nodes, (node) => node.idx);
  return order.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    if (ka !== kb) return ka < kb ? -1 : 1;
    const ha = nodes[a]!.device.hostname;
    const hb = nodes[b]!.device.hostname;
    return ha < hb ? -1 : ha > hb ? 1 : 0;
  });
}

// most devices have one oob Nic or none: those with none share this
const NO_OOB_LINKS: readonly OobLink[] = Object.freeze([]);

// Builds every lookup the engine needs, once; O(rows). Throws SnapshotError for dangling references.
export function indexSnapshot(snapshot: Snapshot): SnapshotIndex {
  const siteById = byId(snapshot.sites, "site");
  const roomById = byId(snapshot.rooms, "room");
  const cabinetById = byId(snapshot.cabinets, "cabinet");
  const powerSourceById = byId(snapshot.powerSources, "power source");
  const powerFeedById = byId(snapshot.powerFeeds, "power feed");
  const modelById = byId(snapshot.models, "model");
  const deviceById = byId(snapshot.devices, "device");
  const nicById = byId(snapshot.nics, "nic");
  const serviceById = byId(snapshot.services, "service");

  for (const room of snapshot.rooms) need(siteById, room.siteId, "site", "room", room.id);
  for (const source of snapshot.powerSources) need(siteById, source.siteId, "site", "power source", source.id);

  const feedsByCabinet = new Map<number, SnapshotPowerFeed[]>();
  const feedsBySource = new Map<number, SnapshotPowerFeed[]>();
  for (const feed of snapshot.powerFeeds) {
    need(cabinetById, feed.cabinetId, "cabinet", "power feed", feed.id);
    push(feedsByCabinet, feed.cabinetId, feed);
    if (feed.sourceId !== null) {
      need(powerSourceById, feed.sourceId, "power source", "power feed", feed.id);
      push(feedsBySource, feed.sourceId, feed);
    }
  }
  for (const cabinet of snapshot.cabinets) {
    need(siteById, cabinet.siteId, "site", "cabinet", cabinet.id);
    if (cabinet.roomId !== null) need(roomById, cabinet.roomId, "room", "cabinet", cabinet.id);
    for (const feedId of cabinet.feedIds) {
      const feed = need(powerFeedById, feedId, "power feed", "cabinet", cabinet.id);
      if (feed.cabinetId !== cabinet.id) {
        throw new SnapshotError(`snapshot: cabinet ${cabinet.id} lists power feed ${feedId}, which belongs to cabinet ${feed.cabinetId}`);
      }
    }
  }
  for (const feeds of feedsByCabinet.values()) feeds.sort((a, b) => compareNatural(a.name, b.name));

  const deviceByHostname = new Map<string, SnapshotDevice>();
  const sledsByChassis = new Map<number, SnapshotDevice[]>();
  for (const device of snapshot.devices) {
    if (deviceByHostname.has(device.hostname)) throw new SnapshotError(`snapshot: hostname ${device.hostname} appears twice`);
    deviceByHostname.set(device.hostname, device);
    need(modelById, device.modelId, "model", "device", device.hostname);
    if (device.siteId !== null) need(siteById, device.siteId, "site", "device", device.hostname);
    if (device.roomId !== null) need(roomById, device.roomId, "room", "device", device.hostname);
    if (device.cabinetId !== null) need(cabinetById, device.cabinetId, "cabinet", "device", device.hostname);
    for (const feedId of device.feedIds) need(powerFeedById, feedId, "power feed", "device", device.hostname);
    if (device.chassisId !== null) {
      const chassis = need(deviceById, device.chassisId, "chassis device", "device", device.hostname);
      if (chassis.chassisId !== null) {
        throw new SnapshotError(`snapshot: device ${device.hostname} sits in ${chassis.hostname}, which itself sits in a chassis`);
      }
      push(sledsByChassis, chassis.id, device);
    }
  }

  const nicsByDevice = new Map<number, SnapshotNic[]>();
  const membersByBond = new Map<number, SnapshotNic[]>();
  const peerOfNic = new Map<number, SnapshotNic>();
  const nicDrivers = new Set<string>();
  for (const nic of snapshot.nics) {
    if (nic.driver !== null && nic.driver !== "") nicDrivers.add(nic.driver);
    need(deviceById, nic.deviceId, "device", "nic", nic.id);
    push(nicsByDevice, nic.deviceId, nic);
    if (nic.bondId !== null) {
      const bond = need(nicById, nic.bondId, "bond", "nic", nic.id);
      if (bond.deviceId !== nic.deviceId) throw new SnapshotError(`snapshot: nic ${nic.id} is a member of bond ${bond.id} of another device`);
      push(membersByBond, bond.id, nic);
    }
    if (nic.peerNicId !== null) {
      const peer = need(nicById, nic.peerNicId, "nic", "the cable of nic", nic.id);
      if (nic.peerDeviceId !== null && nic.peerDeviceId !== peer.deviceId) {
        throw new SnapshotError(`snapshot: nic ${nic.id} says its peer nic ${peer.id} is on device ${nic.peerDeviceId}, but it is on ${peer.deviceId}`);
      }
      const known = peerOfNic.get(nic.id);
      if (known !== undefined && known.id !== peer.id) throw new SnapshotError(`snapshot: nic ${nic.id} is on two cables`);
      const back = peerOfNic.get(peer.id);
      if (back !== undefined && back.id !== nic.id) throw new SnapshotError(`snapshot: nic ${peer.id} is on two cables`);
      if (peer.peerNicId !== null && peer.peerNicId !== nic.id) throw new SnapshotError(`snapshot: nic ${peer.id} is on two cables`);
      peerOfNic.set(nic.id, peer);
      peerOfNic.set(peer.id, nic);
    } else if (nic.peerDeviceId !== null) {
      throw new SnapshotError(`snapshot: nic ${nic.id} has a peer device but no peer nic`);
    }
  }

  const servicesByDevice = new Map<number, SnapshotService[]>();
  const serviceByName = new Map<string, SnapshotService>();
  for (const service of snapshot.services) {
    if (serviceByName.has(service.name)) throw new SnapshotError(`snapshot: service ${service.name} appears twice`);
    serviceByName.set(service.name, service);
    const seen = new Set<number>();
    for (const member of service.members) {
      need(deviceById, member.deviceId, "device", "service", service.name);
      if (seen.has(member.deviceId)) throw new SnapshotError(`snapshot: service ${service.name} lists device ${member.deviceId} twice`);
      seen.add(member.deviceId);
      push(servicesByDevice, member.deviceId, service);
    }
  }

  const cabinetFeedIds = new Map<number, number[]>();
  for (const [cabinetId, feeds] of feedsByCabinet) cabinetFeedIds.set(cabinetId, feeds.map((f) => f.id));
  const compareFeeds = (a: number, b: number): number => {
    const fa = powerFeedById.get(a)!;
    const fb = powerFeedById.get(b)!;
    if (fa.cabinetId !== fb.cabinetId) return compareNatural(cabinetById.get(fa.cabinetId)!.name, cabinetById.get(fb.cabinetId)!.name);
    return compareNatural(fa.name, fb.name);
  };
  const orderFeeds = (ids: readonly number[]): number[] => {
    if (ids.length === 1) return [ids[0]!];
    return [...new Set(ids)].sort(compareFeeds);
  };
  const idxOf = new Map<number, number>();
  snapshot.devices.forEach((device, idx) => idxOf.set(device.id, idx));

  const nodes: DeviceNode[] = [];
  const nodeByDeviceId = new Map<number, DeviceNode>();
  const nodesByCabinet = new Map<number, DeviceNode[]>();
  const nodesByRoom = new Map<number, DeviceNode[]>();
  const nodesBySite = new Map<number, DeviceNode[]>();
  const nodesByModel = new Map<number, DeviceNode[]>();
  const nodesByFeed = new Map<number, DeviceNode[]>();
  const nodesByPathPeer = new Map<number, DeviceNode[]>();
  const nodesByPathDriver = new Map<string, DeviceNode[]>();
  // add a node once per key even when several of its paths share the peer or the driver
  const pushOnce = <K>(map: Map<K, DeviceNode[]>, key: K, node: DeviceNode) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [node]);
    else if (list[list.length - 1] !== node) list.push(node);
  };

  for (const device of snapshot.devices) {
    const chassis = device.chassisId === null ? null : deviceById.get(device.chassisId)!;
    const placed = chassis ?? device;
    const cabinet = placed.cabinetId === null ? null : cabinetById.get(placed.cabinetId)!;
    const roomId = cabinet !== null ? cabinet.roomId : placed.roomId;
    const siteId = cabinet !== null ? cabinet.siteId : placed.siteId;
    const ofCabinet = cabinet === null ? undefined : cabinetFeedIds.get(cabinet.id);

    let power: number[] = [];
    let powerOrigin: PowerOrigin = "none";
    if (chassis !== null) {
      // a sled shares its chassis' power; its own device_power rows, if any, are ignored
      if (chassis.feedIds.length > 0) [power, powerOrigin] = [orderFeeds(chassis.feedIds), "chassis"];
      else if (ofCabinet !== undefined) [power, powerOrigin] = [ofCabinet, "chassis_cabinet"];
    } else if (device.feedIds.length > 0) {
      [power, powerOrigin] = [orderFeeds(device.feedIds), "device"];
    } else if (ofCabinet !== undefined) {
      [power, powerOrigin] = [ofCabinet, "cabinet"];
    }

    const paths: DataPath[] = [];
    let oobLinks: OobLink[] | undefined;
    const nics = nicsByDevice.get(device.id);
    if (nics !== undefined) {
      for (const nic of nics) {
        if (nic.kind === "oob") {
          const peerNic = peerOfNic.get(nic.id) ?? null;
          (oobLinks ??= []).push(
            peerNic === null
              ? { nic, peerNic, peer: null, peerIdx: -1 }
              : { nic, peerNic, peer: deviceById.get(peerNic.deviceId)!, peerIdx: idxOf.get(peerNic.deviceId)! },
          );
          continue;
        }
        if (nic.kind !== "nic" || !nic.enabled) continue;
        if (nic.bondId !== null && !nicById.get(nic.bondId)!.enabled) continue;
        const peerNic = peerOfNic.get(nic.id);
        if (peerNic === undefined || !peerNic.enabled) continue;
        paths.push({ nic, peerNic, peer: deviceById.get(peerNic.deviceId)!, peerIdx: idxOf.get(peerNic.deviceId)! });
      }
    }

    const node: DeviceNode = {
      idx: nodes.length,
      device,
      model: modelById.get(device.modelId)!,
      chassis,
      chassisModel: chassis === null ? null : modelById.get(chassis.modelId)!,
      cabinet,
      room: roomId === null ? null : roomById.get(roomId)!,
      site: siteId === null ? null : siteById.get(siteId)!,
      power,
      powerOrigin,
      paths,
      oobLinks: oobLinks ?? NO_OOB_LINKS,
      isSwitch: device.kind === "switch",
    };
    nodes.push(node);
    nodeByDeviceId.set(device.id, node);
    if (cabinet !== null) push(nodesByCabinet, cabinet.id, node);
    if (roomId !== null) push(nodesByRoom, roomId, node);
    if (siteId !== null) push(nodesBySite, siteId, node);
    push(nodesByModel, device.modelId, node);
    for (const feedId of power) push(nodesByFeed, feedId, node);
    for (const path of paths) {
      pushOnce(nodesByPathPeer, path.peer.id, node);
      if (path.nic.driver !== null) pushOnce(nodesByPathDriver, path.nic.driver, node);
    }
  }

  const hostnameOrder = hostnameOrderOf(nodes);
  const hostnameRank = new Int32Array(nodes.length);
  hostnameOrder.forEach((idx, rank) => (hostnameRank[idx] = rank));

  return {
    snapshot,
    siteById,
    roomById,
    cabinetById,
    powerSourceById,
    powerFeedById,
    modelById,
    deviceById,
    deviceByHostname,
    nicById,
    serviceById,
    serviceByName,
    peerOfNic,
    nicDrivers,
    nicsByDevice,
    membersByBond,
    sledsByChassis,
    feedsByCabinet,
    feedsBySource,
    servicesByDevice,
    nodes,
    nodeByDeviceId,
    nodesByCabinet,
    nodesByRoom,
    nodesBySite,
    nodesByModel,
    nodesByFeed,
    nodesByPathPeer,
    nodesByPathDriver,
    hostnameOrder,
    hostnameRank,
  };
}
