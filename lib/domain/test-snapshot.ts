// Builders for readable test snapshots (a fluent builder), a large synthetic snapshot for speed checks, and a
// seeded random snapshot for property tests. Test support only; nothing in the app imports it.
import {
  indexSnapshot,
  type DeviceStatus,
  type ModelKind,
  type NicKind,
  type Snapshot,
  type SnapshotDevice,
  type SnapshotIndex,
  type SnapshotNic,
} from "./failure-snapshot";

const DEFAULT_MODELS: Record<ModelKind, { name: string; bays: number }> = {
  server: { name: "PowerEdge R710", bays: 0 },
  switch: { name: "S4810", bays: 0 },
  chassis: { name: "PowerEdge C5000", bays: 8 },
  sled: { name: "PowerEdge C5220", bays: 0 },
  storage: { name: "PowerEdge R510", bays: 0 },
  pdu: { name: "AP8941", bays: 0 },
  other: { name: "Other", bays: 0 },
};

export interface DeviceSpec {
  kind?: ModelKind;
  // model name; created with `kind` if not declared; default: the kind's default model
  model?: string;
  // "ORD1/C12"
  cabinet?: string;
  // for an unplaced device kept at a site
  site?: string;
  chassis?: string;
  bay?: number;
  u?: number;
  // feed names of its cabinet ("A"), or full feed keys ("ORD1/C12/A"); default: none recorded
  power?: string[];
  oobIp?: string;
  status?: DeviceStatus;
}

export interface NicSpec {
  kind?: NicKind;
  driver?: string | null;
  enabled?: boolean;
  // the bond (a Nic of kind bond on the same device, created if missing) this Nic is a member of
  bond?: string;
  speed?: number;
  // cable to "host" (a new port on it) or "host:port" (that port, created if missing)
  to?: string;
  // the enabled flag of the port at the other end (default true)
  peerEnabled?: boolean;
}

export interface LegSpec {
  to: string;
  enabled?: boolean;
  driver?: string | null;
  speed?: number;
  peerEnabled?: boolean;
}

export interface ServerSpec extends DeviceSpec {
  // bonded data legs eth0, eth1, ... in bond0, each cabled to the given switch
  legs?: (string | LegSpec)[];
  // default driver and speed of the legs
  driver?: string | null;
  speed?: number;
  // cable an oob Nic ("idrac") to this switch
  oob?: string;
  // the oob Nic is disabled
  oobDisabled?: boolean;
}

interface PendingNic {
  host: string;
  name: string;
  spec: NicSpec;
}

export class SnapshotBuilder {
  private readonly snap: Snapshot = {
    sites: [],
    rooms: [],
    cabinets: [],
    powerSources: [],
    powerFeeds: [],
    models: [],
    devices: [],
    nics: [],
    services: [],
  };
  private readonly pendingDevices: { hostname: string; spec: DeviceSpec }[] = [];
  private readonly pendingNics: PendingNic[] = [];
  private readonly pendingServices: { name: string; hosts: string[]; minUp: number }[] = [];
  private readonly pendingCables: [string, string][] = [];
  private nextId = 1;

  private id(): number {
    return this.nextId++;
  }

  site(name: string): this {
    this.siteId(name);
    return this;
  }

  private siteId(name: string): number {
    const found = this.snap.sites.find((s) => s.name === name);
    if (found !== undefined) return found.id;
    const id = this.id();
    this.snap.sites.push({ id, name });
    return id;
  }

  room(site: string, name: string): this {
    this.roomId(site, name);
    return this;
  }

  private roomId(site: string, name: string): number {
    const siteId = this.siteId(site);
    const found = this.snap.rooms.find((r) => r.siteId === siteId && r.name === name);
    if (found !== undefined) return found.id;
    const id = this.id();
    this.snap.rooms.push({ id, siteId, name });
    return id;
  }

  source(site: string, name: string): this {
    this.sourceId(site, name);
    return this;
  }

  private sourceId(site: string, name: string): number {
    const siteId = this.siteId(site);
    const found = this.snap.powerSources.find((s) => s.siteId === siteId && s.name === name);
    if (found !== undefined) return found.id;
    const id = this.id();
    this.snap.powerSources.push({ id, siteId, name });
    return id;
  }

  // cabinet("ORD1/C12", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-2" } }); a null source is a feed
  // whose source is not recorded
  cabinet(key: string, opts: { room?: string; feeds?: Record<string, string | null> } = {}): this {
    const slash = key.indexOf("/");
    const site = key.slice(0, slash);
    const name = key.slice(slash + 1);
    const siteId = this.siteId(site);
    const id = this.id();
    const roomId = opts.room === undefined ? null : this.roomId(site, opts.room);
    const feedIds: number[] = [];
    for (const [feedName, source] of Object.entries(opts.feeds ?? {})) {
      const feedId = this.id();
      feedIds.push(feedId);
      this.snap.powerFeeds.push({ id: feedId, cabinetId: id, name: feedName, sourceId: source === null ? null : this.sourceId(site, source) });
    }
    this.snap.cabinets.push({ id, siteId, roomId, name, feedIds });
    return this;
  }

  model(name: string, kind: ModelKind, bays = 0): this {
    this.modelId(name, kind, bays);
    return this;
  }

  private modelId(name: string, kind: ModelKind, bays = 0): number {
    const found = this.snap.models.find((m) => m.name === name);
    if (found !== undefined) return found.id;
    const id = this.id();
    this.snap.models.push({ id, name, kind, bays });
    return id;
  }

  device(hostname: string, spec: DeviceSpec = {}): this {
    this.pendingDevices.push({ hostname, spec });
    return this;
  }

  switch(hostname: string, spec: DeviceSpec = {}): this {
    return this.device(hostname, { kind: "switch", ...spec });
  }

  chassis(hostname: string, spec: DeviceSpec = {}): this {
    return this.device(hostname, { kind: "chassis", ...spec });
  }

  // a sled in `chassis` at `bay`
  sled(hostname: string, chassis: string, bay: number, spec: ServerSpec = {}): this {
    return this.server(hostname, { kind: "sled", chassis, bay, ...spec });
  }

  // a server with bond0 over eth0..ethN (one per leg) and, optionally, a cabled oob Nic
  server(hostname: string, spec: ServerSpec = {}): this {
    const { legs = [], driver = null, speed, oob, oobDisabled, ...deviceSpec } = spec;
    this.device(hostname, { kind: "server", ...deviceSpec });
    if (legs.length > 0) this.nic(hostname, "bond0", { kind: "bond", driver: null });
    legs.forEach((leg, i) => {
      const l: LegSpec = typeof leg === "string" ? { to: leg } : leg;
      this.nic(hostname, `eth${i}`, {
        bond: "bond0",
        driver: l.driver === undefined ? driver : l.driver,
        speed: l.speed ?? speed,
        enabled: l.enabled ?? true,
        to: l.to,
        peerEnabled: l.peerEnabled,
      });
    });
    if (oob !== undefined) this.nic(hostname, "idrac", { kind: "oob", to: oob, enabled: !oobDisabled });
    return this;
  }

  nic(host: string, name: string, spec: NicSpec = {}): this {
    this.pendingNics.push({ host, name, spec });
    return this;
  }

  // cable("web-1:eth2", "tor-a:Te1/0/9"): both Nics must exist (or be declared) by build time
  cable(a: string, b: string): this {
    this.pendingCables.push([a, b]);
    return this;
  }

  service(name: string, hosts: string[], minUp = 1): this {
    this.pendingServices.push({ name, hosts, minUp });
    return this;
  }

  build(): Snapshot {
    const snap: Snapshot = structuredClone(this.snap);
    let nextId = this.nextId;
    const id = () => nextId++;
    const devices = new Map<string, SnapshotDevice>();
    const cabinetByKey = new Map<string, (typeof snap.cabinets)[number]>(
      snap.cabinets.map((c) => [`${snap.sites.find((s) => s.id === c.siteId)!.name}/${c.name}`, c]),
    );
    const modelId = (name: string, kind: ModelKind, bays: number): number => {
      const found = snap.models.find((m) => m.name === name);
      if (found !== undefined) return found.id;
      const mid = id();
      snap.models.push({ id: mid, name, kind, bays });
      return mid;
    };

    for (const { hostname, spec } of this.pendingDevices) {
      const kind = spec.kind ?? "server";
      const defaults = DEFAULT_MODELS[kind];
      const mid = modelId(spec.model ?? defaults.name, kind, spec.model === undefined ? defaults.bays : 0);
      const model = snap.models.find((m) => m.id === mid)!;
      let cabinetId: number | null = null;
      let siteId: number | null = null;
      let roomId: number | null = null;
      const feedIds: number[] = [];
      if (spec.cabinet !== undefined) {
        const cabinet = cabinetByKey.get(spec.cabinet);
        if (cabinet === undefined) throw new Error(`test snapshot: no cabinet ${spec.cabinet}`);
        cabinetId = cabinet.id;
        siteId = cabinet.siteId;
        roomId = cabinet.roomId;
        for (const feed of spec.power ?? []) {
          const full = feed.includes("/") ? feed : `${spec.cabinet}/${feed}`;
          const slash = full.lastIndexOf("/");
          const target = cabinetByKey.get(full.slice(0, slash));
          const found = snap.powerFeeds.find((f) => f.cabinetId === target?.id && f.name === full.slice(slash + 1));
          if (found === undefined) throw new Error(`test snapshot: no feed ${full}`);
          feedIds.push(found.id);
        }
      } else if (spec.site !== undefined) {
        siteId = snap.sites.find((s) => s.name === spec.site)?.id ?? null;
      }
      let chassisId: number | null = null;
      if (spec.chassis !== undefined) {
        const chassis = devices.get(spec.chassis);
        if (chassis === undefined) throw new Error(`test snapshot: declare chassis ${spec.chassis} before ${hostname}`);
        chassisId = chassis.id;
      }
      const device: SnapshotDevice = {
        id: id(),
        hostname,
        modelId: mid,
        kind: model.kind,
        siteId,
        roomId,
        cabinetId,
        chassisId,
        bay: spec.bay ?? null,
        uLow: spec.u ?? null,
        feedIds,
        oobIp: spec.oobIp ?? null,
        status: spec.status ?? "active",
      };
      devices.set(hostname, device);
      snap.devices.push(device);
    }

    const nicsOf = new Map<number, SnapshotNic[]>();
    const findNic = (deviceId: number, name: string) => nicsOf.get(deviceId)?.find((n) => n.name === name);
    const addNic = (deviceId: number, name: string, kind: NicKind): SnapshotNic => {
      const nic: SnapshotNic = {
        id: id(),
        deviceId,
        name,
        kind,
        driver: null,
        enabled: true,
        bondId: null,
        speedMbps: null,
        peerNicId: null,
        peerDeviceId: null,
      };
      snap.nics.push(nic);
      const list = nicsOf.get(deviceId);
      if (list === undefined) nicsOf.set(deviceId, [nic]);
      else list.push(nic);
      return nic;
    };
    const deviceOf = (host: string): SnapshotDevice => {
      const device = devices.get(host);
      if (device === undefined) throw new Error(`test snapshot: no device ${host}`);
      return device;
    };
    const portCounter = new Map<number, number>();
    const endpoint = (text: string): SnapshotNic => {
      const colon = text.indexOf(":");
      const device = deviceOf(colon < 0 ? text : text.slice(0, colon));
      if (colon >= 0) return findNic(device.id, text.slice(colon + 1)) ?? addNic(device.id, text.slice(colon + 1), "nic");
      const n = (portCounter.get(device.id) ?? 0) + 1;
      portCounter.set(device.id, n);
      return addNic(device.id, `port${n}`, "nic");
    };
    const connect = (a: SnapshotNic, b: SnapshotNic) => {
      if (a.peerNicId !== null || b.peerNicId !== null) throw new Error(`test snapshot: nic ${a.name} or ${b.name} is already cabled`);
      a.peerNicId = b.id;
      a.peerDeviceId = b.deviceId;
      b.peerNicId = a.id;
      b.peerDeviceId = a.deviceId;
    };

    for (const { host, name, spec } of this.pendingNics) {
      const device = deviceOf(host);
      const nic = findNic(device.id, name) ?? addNic(device.id, name, spec.kind ?? "nic");
      nic.kind = spec.kind ?? nic.kind;
      nic.driver = spec.driver === undefined ? nic.driver : spec.driver;
      nic.enabled = spec.enabled ?? nic.enabled;
      nic.speedMbps = spec.speed ?? nic.speedMbps;
      if (spec.bond !== undefined) {
        const bond = findNic(device.id, spec.bond) ?? addNic(device.id, spec.bond, "bond");
        nic.bondId = bond.id;
      }
      if (spec.to !== undefined) {
        const peer = endpoint(spec.to);
        if (spec.peerEnabled === false) peer.enabled = false;
        connect(nic, peer);
      }
    }
    for (const [a, b] of this.pendingCables) connect(endpoint(a), endpoint(b));

    for (const { name, hosts, minUp } of this.pendingServices) {
      snap.services.push({ id: id(), name, minUp, members: hosts.map((h) => ({ deviceId: deviceOf(h).id, role: "" })) });
    }
    return snap;
  }

  index(): SnapshotIndex {
    return indexSnapshot(this.build());
  }
}

export function snapshotBuilder(): SnapshotBuilder {
  return new SnapshotBuilder();
}

// ---------------------------------------------------------------- random and synthetic snapshots

// mulberry32: small, seedable, good enough for test data
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A datacenter shaped like the story: per cabinet two TORs and a management switch (their power on feed A,
// B and A), 16 bonded servers split over the TORs, one chassis of 8 bonded sleds, every host with a cabled
// iDRAC; cabinets alternate rooms and sources; services of three hosts in three cabinets.
export function syntheticSnapshot({ devices: target }: { devices: number }): Snapshot {
  const snap: Snapshot = { sites: [], rooms: [], cabinets: [], powerSources: [], powerFeeds: [], models: [], devices: [], nics: [], services: [] };
  let nextId = 1;
  const id = () => nextId++;
  const perCabinet = 28;
  const cabinetCount = Math.max(1, Math.ceil(target / perCabinet));
  const models = {
    server: { id: id(), name: "PowerEdge R710", kind: "server" as const, bays: 0 },
    switch: { id: id(), name: "S4810", kind: "switch" as const, bays: 0 },
    chassis: { id: id(), name: "PowerEdge C5000", kind: "chassis" as const, bays: 8 },
    sled: { id: id(), name: "PowerEdge C5220", kind: "sled" as const, bays: 0 },
  };
  snap.models.push(...Object.values(models));
  const sites = [{ id: id(), name: "ORD1" }, { id: id(), name: "IAD1" }];
  snap.sites.push(...sites);
  const rooms = sites.flatMap((s) => [
    { id: id(), siteId: s.id, name: "Room A" },
    { id: id(), siteId: s.id, name: "Room B" },
  ]);
  snap.rooms.push(...rooms);
  const sources = rooms.map((r) => [
    { id: id(), siteId: r.siteId, name: `UPS-${r.name.slice(-1)}1` },
    { id: id(), siteId: r.siteId, name: `UPS-${r.name.slice(-1)}2` },
  ]);
  snap.powerSources.push(...sources.flat());

  const addNic = (deviceId: number, name: string, kind: NicKind, extra: Partial<SnapshotNic> = {}): SnapshotNic => {
    const nic: SnapshotNic = { id: id(), deviceId, name, kind, driver: null, enabled: true, bondId: null, speedMbps: null, peerNicId: null, peerDeviceId: null, ...extra };
    snap.nics.push(nic);
    return nic;
  };
  const connect = (a: SnapshotNic, b: SnapshotNic) => {
    a.peerNicId = b.id;
    a.peerDeviceId = b.deviceId;
    b.peerNicId = a.id;
    b.peerDeviceId = a.deviceId;
  };
  const hostsByCabinet: number[][] = [];

  for (let c = 0; c < cabinetCount; c++) {
    const roomIdx = c % rooms.length;
    const room = rooms[roomIdx]!;
    const [srcA, srcB] = sources[roomIdx]!;
    const cabinetId = id();
    const feedA = { id: id(), cabinetId, name: "A", sourceId: srcA!.id };
    const feedB = { id: id(), cabinetId, name: "B", sourceId: srcB!.id };
    snap.powerFeeds.push(feedA, feedB);
    const cabinetName = `C${c + 1}`;
    snap.cabinets.push({ id: cabinetId, siteId: room.siteId, roomId: room.id, name: cabinetName, feedIds: [feedA.id, feedB.id] });
    const device = (hostname: string, model: (typeof models)[keyof typeof models], extra: Partial<SnapshotDevice> = {}): SnapshotDevice => {
      const d: SnapshotDevice = {
        id: id(),
        hostname,
        modelId: model.id,
        kind: model.kind,
        siteId: room.siteId,
        roomId: room.id,
        cabinetId,
        chassisId: null,
        bay: null,
        uLow: null,
        feedIds: [feedA.id, feedB.id],
        oobIp: null,
        status: "active",
        ...extra,
      };
      snap.devices.push(d);
      return d;
    };
    const torA = device(`tor-c${c + 1}-a`, models.switch, { feedIds: [feedA.id], uLow: 42 });
    const torB = device(`tor-c${c + 1}-b`, models.switch, { feedIds: [feedB.id], uLow: 41 });
    const mgmt = device(`mgmt-c${c + 1}`, models.switch, { feedIds: [feedA.id], uLow: 40 });
    const wire = (host: SnapshotDevice, driver: string) => {
      const bond = addNic(host.id, "bond0", "bond");
      [torA, torB].forEach((tor, leg) => {
        const nic = addNic(host.id, `eth${leg}`, "nic", { driver, bondId: bond.id, speedMbps: 10000 });
        connect(nic, addNic(tor.id, `Te1/0/${host.id}`, "nic", { speedMbps: 10000 }));
      });
      connect(addNic(host.id, "idrac", "oob"), addNic(mgmt.id, `Gi1/0/${host.id}`, "nic"));
    };
    const hosts: number[] = [];
    for (let s = 0; s < 16; s++) {
      const server = device(`app-c${c + 1}-${s + 1}`, models.server, { uLow: 2 + s * 2 });
      wire(server, s % 2 === 0 ? "bnx2" : "ixgbe");
      hosts.push(server.id);
    }
    const chassis = device(`c5k-c${c + 1}`, models.chassis, { uLow: 36 });
    for (let b = 0; b < 8; b++) {
      const sled = device(`sled-c${c + 1}-${b + 1}`, models.sled, { cabinetId: null, chassisId: chassis.id, bay: b + 1, feedIds: [] });
      wire(sled, "igb");
      hosts.push(sled.id);
    }
    hostsByCabinet.push(hosts);
  }
  // services of three hosts in neighbouring cabinets
  for (let c = 0; c + 2 < hostsByCabinet.length; c += 3) {
    for (let h = 0; h < 24; h++) {
      snap.services.push({
        id: id(),
        name: `svc-${c}-${h}`,
        minUp: 1 + (h % 2),
        members: [0, 1, 2].map((k) => ({ deviceId: hostsByCabinet[c + k]![h]!, role: "" })),
      });
    }
  }
  return snap;
}

// A small random datacenter for property tests: odd corners included (unrecorded and single-feed power,
// feeds without a source, sleds, servers cabled to servers, switch uplinks, disabled Nics and ports, bonds,
// mixed drivers, services with too few members).
export function randomSnapshot(seed: number): Snapshot {
  const rnd = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const chance = (p: number) => rnd() < p;
  const b = new SnapshotBuilder();
  b.room("S", "R1").room("S", "R2");
  b.model("R710", "server").model("R610", "server").model("S4810", "switch").model("S60", "switch");
  b.model("C5000", "chassis", 4).model("C5220", "sled").model("MD3200", "storage");
  const sources = ["UPS-1", "UPS-2", "PANEL-3", null];
  const cabinets: { key: string; feeds: string[] }[] = [];
  for (let c = 1; c <= 4; c++) {
    const feedCount = 1 + Math.floor(rnd() * 3);
    const feeds: Record<string, string | null> = {};
    for (let f = 0; f < feedCount; f++) feeds[String.fromCharCode(65 + f)] = pick(sources);
    const key = `S/C${c}`;
    b.cabinet(key, { room: c === 4 && chance(0.5) ? undefined : pick(["R1", "R2"]), feeds });
    cabinets.push({ key, feeds: Object.keys(feeds) });
  }
  const placeAndPower = (): DeviceSpec => {
    const cabinet = pick(cabinets);
    const power = chance(0.3) ? [] : cabinet.feeds.filter(() => chance(0.6));
    return { cabinet: cabinet.key, power };
  };
  const switches: string[] = [];
  for (let s = 1; s <= 5; s++) {
    const host = `sw${s}`;
    b.switch(host, { model: pick(["S4810", "S60"]), ...placeAndPower() });
    switches.push(host);
  }
  b.cable("sw1:up1", "sw2:up1");
  const chassis: string[] = [];
  for (let c = 1; c <= 2; c++) {
    b.chassis(`ch${c}`, { model: "C5000", ...placeAndPower() });
    chassis.push(`ch${c}`);
  }
  const hosts: string[] = [];
  const drivers = ["bnx2", "ixgbe", null];
  const wireHost = (host: string) => {
    const nicCount = Math.floor(rnd() * 4);
    const bonded = chance(0.6);
    for (let n = 0; n < nicCount; n++) {
      const to = chance(0.75) ? pick(switches) : chance(0.3) && hosts.length > 0 ? pick(hosts) : undefined;
      b.nic(host, `eth${n}`, {
        driver: pick(drivers),
        enabled: chance(0.85),
        bond: bonded && n < 2 ? "bond0" : undefined,
        to,
        peerEnabled: chance(0.9),
      });
    }
    if (bonded && nicCount >= 2 && chance(0.1)) b.nic(host, "bond0", { kind: "bond", enabled: false });
    if (chance(0.5)) b.nic(host, "idrac", { kind: "oob", to: chance(0.7) ? pick(switches) : undefined, enabled: chance(0.9) });
  };
  for (let h = 1; h <= 10; h++) {
    const host = `host${h}`;
    b.device(host, { model: pick(["R710", "R610", "MD3200"]), kind: "server", ...placeAndPower(), oobIp: chance(0.3) ? "10.9.0.1" : undefined });
    wireHost(host);
    hosts.push(host);
  }
  for (const ch of chassis) {
    for (let bay = 1; bay <= 3; bay++) {
      if (!chance(0.7)) continue;
      const host = `${ch}-sled${bay}`;
      b.device(host, { kind: "sled", model: "C5220", chassis: ch, bay });
      wireHost(host);
      hosts.push(host);
    }
  }
  b.device("spare1", { model: "R710", site: "S" });
  hosts.push("spare1");
  for (let s = 1; s <= 6; s++) {
    const members = hosts.filter(() => chance(0.25)).slice(0, 5);
    if (members.length === 0) members.push(pick(hosts));
    const minUp = chance(0.1) ? members.length + 1 : 1 + Math.floor(rnd() * members.length);
    b.service(`svc${s}`, members, minUp);
  }
  return b.build();
}
