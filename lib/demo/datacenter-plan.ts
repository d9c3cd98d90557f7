// The demo datacenter (site ORD1, shaped like the Dec 4 outage story in DESIGN.md) and the scale
// generator behind `npm run cli -- generate --devices N`. A pure function from a device count to
// plain rows keyed by natural keys (hostnames, site/cabinet names), which lib/db/seed.ts writes
// set-based. Deterministic: a seeded PRNG and counters, never Math.random or the clock, so the same
// input always gives the same rows (tests and benchmarks can rely on exact hostnames).
import type { DeviceStatus, Face, ModelKind, NicKind, PowerSourceKind } from "../db/generated/enums";

export type SiteRow = {
  name: string;
  address: string;
  remoteHandsPhone: string;
  remoteHandsEmail: string;
  accessNotes: string;
};
export type RoomRow = { site: string; name: string; notes: string };
export type PowerSourceRow = { site: string; name: string; kind: PowerSourceKind };
export type CabinetRow = { site: string; name: string; room: string; heightU: number; notes: string };
export type PowerFeedRow = { site: string; cabinet: string; name: string; source: string };
export type ModelRow = {
  name: string;
  manufacturer: string;
  kind: ModelKind;
  heightU: number;
  fullDepth: boolean;
  bays: number;
  bayColumns: number | null;
  bayRows: number | null;
};
export type DeviceRow = {
  hostname: string;
  model: string;
  role: string;
  status: DeviceStatus;
  serial: string | null;
  assetTag: string | null;
  // racked: site + cabinet + uLow + face; a sled: chassis + bay (site and cabinet null, like the
  // devices CSV); unplaced: site only (the stock room it sits in)
  site: string | null;
  cabinet: string | null;
  uLow: number | null;
  face: Face | null;
  chassis: string | null;
  bay: number | null;
  primaryIp: string | null;
  oobIp: string | null;
  os: string;
  notes: string;
};
// a feed of the device's own cabinet, by name ("A", "B")
export type DevicePowerRow = { hostname: string; feed: string };
export type NicRow = {
  hostname: string;
  name: string;
  kind: NicKind;
  mac: string | null;
  speedMbps: number | null;
  driver: string | null;
  enabled: boolean;
  // name of the bond Nic (on the same device) this Nic is a member of
  bond: string | null;
  bondMode: string | null;
  ip: string | null;
};
// the a-end is the server (or the TOR's management port), the b-end the switch port
export type CableRow = { aHost: string; aPort: string; bHost: string; bPort: string; label: string };
export type ServiceRow = { name: string; description: string; minUp: number };
export type ServiceMemberRow = { service: string; hostname: string; role: string };

// Where the demo went wrong on purpose, so the failure-domain views have something to find and
// tests can name it without searching.
export type DeliberateMistakes = {
  // (1) a bond whose two legs are both cabled to the same TOR switch
  bondOnOneSwitch: { hostname: string; switch: string; ports: string[] };
  // (2) the redis pair are two sleds of one chassis
  redisInOneChassis: { service: string; chassis: string; hostnames: string[] };
  // (3) master, slave and backup all run every data Nic on one driver
  databaseOnOneDriver: { service: string; driver: string; hostnames: string[] };
  // (4) a cabinet whose feeds A and B come from the same UPS
  cabinetOnOneSource: { site: string; cabinet: string; source: string };
};

export type DatacenterPlan = {
  sites: SiteRow[];
  rooms: RoomRow[];
  powerSources: PowerSourceRow[];
  cabinets: CabinetRow[];
  powerFeeds: PowerFeedRow[];
  models: ModelRow[];
  devices: DeviceRow[];
  devicePower: DevicePowerRow[];
  nics: NicRow[];
  cables: CableRow[];
  services: ServiceRow[];
  serviceMembers: ServiceMemberRow[];
  // present when the plan holds the complete demo site (ORD1); other sites are kept clean
  deliberateMistakes: DeliberateMistakes | null;
};

// ------------------------------------------------------------------------------------ models

export const MODEL_NAMES = {
  c5000: "PowerEdge C5000",
  c5220: "PowerEdge C5220",
  c6100: "PowerEdge C6100",
  c6100Sled: "PowerEdge C6100 sled",
  c6220: "PowerEdge C6220",
  c6220Sled: "PowerEdge C6220 sled",
  r710: "PowerEdge R710",
  pe2950: "PowerEdge 2950",
  r510: "PowerEdge R510",
  switch1u: "Generic 1U switch",
} as const;

function model(
  name: string,
  manufacturer: string,
  kind: ModelKind,
  heightU: number,
  layout?: { columns: number; rows: number },
): ModelRow {
  return {
    name,
    manufacturer,
    kind,
    heightU,
    fullDepth: true,
    bays: layout ? layout.columns * layout.rows : 0,
    bayColumns: layout?.columns ?? null,
    bayRows: layout?.rows ?? null,
  };
}

// The models Rackmap ships with (DESIGN.md, models CSV): the Dell hardware of the story, a storage
// node and a generic 1U switch.
export const STANDARD_MODELS: readonly ModelRow[] = [
  model(MODEL_NAMES.c5000, "Dell", "chassis", 3, { columns: 8, rows: 1 }),
  model(MODEL_NAMES.c5220, "Dell", "sled", 0),
  model(MODEL_NAMES.c6100, "Dell", "chassis", 2, { columns: 2, rows: 2 }),
  model(MODEL_NAMES.c6100Sled, "Dell", "sled", 0),
  model(MODEL_NAMES.c6220, "Dell", "chassis", 2, { columns: 2, rows: 2 }),
  model(MODEL_NAMES.c6220Sled, "Dell", "sled", 0),
  model(MODEL_NAMES.r710, "Dell", "server", 2),
  model(MODEL_NAMES.pe2950, "Dell", "server", 2),
  model(MODEL_NAMES.r510, "Dell", "storage", 2),
  model(MODEL_NAMES.switch1u, "Generic", "switch", 1),
];

const MODEL_BY_NAME = new Map(STANDARD_MODELS.map((m) => [m.name, m]));

// ------------------------------------------------------------------------------------ layout

type Category = "c5220" | "c6100" | "c6220" | "r710" | "pe2950" | "r510";

// What a cabinet holds below its switches: a chassis (and the sled model that fills it) or a
// standalone box, at its lowest U.
type Mount = { u: number; model: string; sled?: { model: string; category: Category } } | { u: number; model: string; category: Category };

const C5220_SLED = { model: MODEL_NAMES.c5220, category: "c5220" as const };
const C6100_SLED = { model: MODEL_NAMES.c6100Sled, category: "c6100" as const };
const C6220_SLED = { model: MODEL_NAMES.c6220Sled, category: "c6220" as const };

const STANDALONE_MODELS = { r710: MODEL_NAMES.r710, pe2950: MODEL_NAMES.pe2950, r510: MODEL_NAMES.r510 } as const;
function standalone(u: number, category: keyof typeof STANDALONE_MODELS): Mount {
  return { u, model: STANDALONE_MODELS[category], category };
}

// Each C5000 takes 3U plus 1U left free for cabling; 32 sleds is what the power budget of one
// cabinet carries, and keeps every server on its own port of each 48-port TOR.
const CABINET_C5000: Mount[] = [
  ...[1, 5, 9, 13].map((u) => ({ u, model: MODEL_NAMES.c5000, sled: C5220_SLED })),
  standalone(17, "r710"),
  standalone(19, "r710"),
];
const CABINET_C6: Mount[] = [
  ...[1, 3, 5].map((u) => ({ u, model: MODEL_NAMES.c6100, sled: C6100_SLED })),
  ...[7, 9, 11].map((u) => ({ u, model: MODEL_NAMES.c6220, sled: C6220_SLED })),
  ...[13, 15, 17, 19].map((u) => standalone(u, "r710")),
];
const CABINET_STANDALONE: Mount[] = [
  ...[1, 3, 5, 7, 9, 11].map((u) => standalone(u, "r710")),
  ...[13, 15, 17, 19, 21, 23].map((u) => standalone(u, "pe2950")),
  standalone(25, "r510"),
];
// the cabinets of every room, left to right
const ROOM_LAYOUT: Mount[][] = [
  CABINET_C5000,
  CABINET_C6,
  CABINET_STANDALONE,
  CABINET_C5000,
  CABINET_C6,
  CABINET_C5000,
  CABINET_C6,
  CABINET_STANDALONE,
];
const CABINET_HEIGHT = 42;
const TOR_A_U = 42;
const TOR_B_U = 41;
const MGMT_U = 40;
const ROOMS_PER_SITE = 2;
const CABINETS_PER_ROOM = ROOM_LAYOUT.length;
const CABINETS_PER_SITE = ROOMS_PER_SITE * CABINETS_PER_ROOM;
const SPARES_IN_DEMO = 2;
const TOR_PORTS = 48;
const MGMT_PORTS_PER_MEMBER = 48;
export const MAX_DEVICES = 2_000_000;

function devicesInMount(m: Mount): number {
  if ("sled" in m && m.sled) return 1 + (MODEL_BY_NAME.get(m.model)?.bays ?? 0);
  return 1;
}
// two TORs, the room's management switch in its first cabinet, and what is mounted
function devicesInCabinet(indexInRoom: number): number {
  const mounts = ROOM_LAYOUT[indexInRoom]!;
  return 2 + (indexInRoom === 0 ? 1 : 0) + mounts.reduce((sum, m) => sum + devicesInMount(m), 0);
}

// How many cabinets bring the device count closest to the one asked for.
function cabinetsFor(devices: number): number {
  let total = 0;
  let previous = 0;
  for (let k = 1; ; k++) {
    previous = total;
    total += devicesInCabinet((k - 1) % CABINETS_PER_ROOM);
    if (k === CABINETS_PER_SITE) total += SPARES_IN_DEMO;
    if (total >= devices) return k > 1 && devices - previous <= total - devices ? k - 1 : k;
  }
}

// ------------------------------------------------------------------------------------ sites

type SiteInfo = { code: string; city: string; state: string; zip: string; area: string };
const SITE_CATALOG: SiteInfo[] = [
  { code: "ORD", city: "Chicago", state: "IL", zip: "60616", area: "312" },
  { code: "IAD", city: "Ashburn", state: "VA", zip: "20147", area: "703" },
  { code: "DFW", city: "Carrollton", state: "TX", zip: "75006", area: "972" },
  { code: "SJC", city: "Santa Clara", state: "CA", zip: "95054", area: "408" },
  { code: "LAX", city: "El Segundo", state: "CA", zip: "90245", area: "310" },
  { code: "ATL", city: "Atlanta", state: "GA", zip: "30303", area: "404" },
  { code: "SEA", city: "Tukwila", state: "WA", zip: "98188", area: "206" },
  { code: "DEN", city: "Englewood", state: "CO", zip: "80112", area: "303" },
  { code: "PHX", city: "Tempe", state: "AZ", zip: "85281", area: "480" },
  { code: "MIA", city: "Miami", state: "FL", zip: "33132", area: "305" },
  { code: "EWR", city: "Secaucus", state: "NJ", zip: "07094", area: "201" },
  { code: "BOS", city: "Needham", state: "MA", zip: "02494", area: "781" },
  { code: "MSP", city: "Eagan", state: "MN", zip: "55121", area: "651" },
  { code: "SLC", city: "West Jordan", state: "UT", zip: "84081", area: "801" },
  { code: "LAS", city: "Las Vegas", state: "NV", zip: "89118", area: "702" },
  { code: "PDX", city: "Hillsboro", state: "OR", zip: "97124", area: "503" },
  { code: "IAH", city: "Houston", state: "TX", zip: "77041", area: "713" },
  { code: "CLT", city: "Charlotte", state: "NC", zip: "28273", area: "704" },
  { code: "DTW", city: "Southfield", state: "MI", zip: "48075", area: "248" },
  { code: "PHL", city: "Philadelphia", state: "PA", zip: "19123", area: "215" },
];
const STREETS = ["Technology Pkwy", "Commerce Dr", "Industrial Blvd", "Enterprise Ave", "Gateway Ct", "Innovation Way"];

function siteRow(index: number): SiteRow {
  const info = SITE_CATALOG[index % SITE_CATALOG.length]!;
  const name = `${info.code}${Math.floor(index / SITE_CATALOG.length) + 1}`;
  const phone = `+1 ${info.area} 555 01${pad(index % 100, 2)}`;
  const email = `remotehands-${name.toLowerCase()}@colo.example.net`;
  if (index === 0) {
    return {
      name,
      address: "2200 S Halsted St, 3rd Floor, Suite 310, Chicago, IL 60616, USA",
      remoteHandsPhone: phone,
      remoteHandsEmail: email,
      accessNotes: [
        "Remote hands desk is staffed 24x7; open a ticket by phone or e-mail and quote our customer number BC-20417.",
        "Visitors need government photo ID and must be on the access list (ops adds names at least 4 hours ahead).",
        "Our cage is 3C-14 on the 3rd floor: Room A is the east hall, Room B the west hall, cabinets numbered left to right facing the cold aisle.",
        "Crash cart and spare cables are in cabinet A08, bottom shelf. Loading dock is on Cermak Rd, open 7am-7pm.",
      ].join("\n"),
    };
  }
  return {
    name,
    address: `${100 + ((index * 37) % 900)} ${STREETS[index % STREETS.length]}, ${info.city}, ${info.state} ${info.zip}, USA`,
    remoteHandsPhone: phone,
    remoteHandsEmail: email,
    accessNotes: [
      "Remote hands desk is staffed 24x7; open a ticket by phone or e-mail.",
      "Visitors need photo ID and must be on the access list at least 4 hours ahead.",
      `Our cage is ${1 + (index % 4)}${"ABCD"[index % 4]}-${pad(10 + (index % 30), 2)}; cabinets numbered left to right facing the cold aisle.`,
    ].join("\n"),
  };
}

// ------------------------------------------------------------------------------------ helpers

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

// mulberry32: a tiny, well-distributed 32-bit PRNG; the seed makes every run the same
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ipv4(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

// Each site gets a /21 of 10.0.0.0/9 for data and of 10.128.0.0/9 for out-of-band management, a
// /22 per room; hosts skip .0, .255 and the first ten addresses (gateways, VIPs).
const PRIMARY_BASE = (10 << 24) >>> 0;
const OOB_BASE = ((10 << 24) | (128 << 16)) >>> 0;
function hostAddress(base: number, site: number, room: number, k: number): string {
  const idx = k + 10;
  return ipv4(base + site * 2048 + room * 1024 + Math.floor(idx / 254) * 256 + (idx % 254) + 1);
}

// Dell service tags: 7 characters of digits and consonants.
const TAG_CHARS = "0123456789BCDFGHJKLMNPQRSTVWXYZ";

// Organisationally unique identifiers, so MACs look like the hardware they belong to.
const OUI = {
  ixgbe: "90:e2:ba", // Intel X520 10GbE
  bnx2x: "00:10:18", // Broadcom 57810 10GbE
  bnx2: "00:26:b9", // Dell-branded Broadcom NetXtreme II onboard
  oob: "d0:67:e5", // Dell iDRAC
  switchMgmt: "00:01:e8", // the switches' management ports
} as const;
type Oui = keyof typeof OUI;

type NicProfile = { driver: "ixgbe" | "bnx2x" | "bnx2"; speedMbps: number };
// The first room of a site was built with Intel 10G cards, the second a year later with Broadcom
// ones: a service spread over both rooms never hangs on one NIC driver.
const TEN_GIG: NicProfile[] = [
  { driver: "ixgbe", speedMbps: 10000 },
  { driver: "bnx2x", speedMbps: 10000 },
];
const tenGig = (room: number) => TEN_GIG[room % TEN_GIG.length]!;
// the onboard Broadcom ports, for boxes that never got a 10G card
const ONE_GIG: NicProfile = { driver: "bnx2", speedMbps: 1000 };

class Identity {
  private readonly random = mulberry32(0x5eed_0412);
  private readonly tags = new Set<string>();
  private readonly macNext: Record<Oui, number>;
  private macUsed: Record<Oui, number>;
  private assetNext = 100001;
  private switchSerialNext = 1;

  constructor() {
    // each OUI's counter starts somewhere in its lower quarter, like a real production run
    this.macNext = { ixgbe: 0, bnx2x: 0, bnx2: 0, oob: 0, switchMgmt: 0 };
    this.macUsed = { ixgbe: 0, bnx2x: 0, bnx2: 0, oob: 0, switchMgmt: 0 };
    for (const key of Object.keys(this.macNext) as Oui[]) this.macNext[key] = Math.floor(this.random() * 0x400000);
  }

  serviceTag(): string {
    for (;;) {
      let tag = "";
      for (let i = 0; i < 7; i++) tag += TAG_CHARS[Math.floor(this.random() * TAG_CHARS.length)];
      if (!this.tags.has(tag)) {
        this.tags.add(tag);
        return tag;
      }
    }
  }

  switchSerial(): string {
    return `GSW${pad(this.switchSerialNext++, 8)}`;
  }

  assetTag(): string {
    return `BC${this.assetNext++}`;
  }

  mac(oui: Oui): string {
    if (++this.macUsed[oui] > 0xffffff) throw new Error(`ran out of MAC addresses under ${OUI[oui]}`);
    const n = (this.macNext[oui]++ & 0xffffff) >>> 0;
    const hex = n.toString(16).padStart(6, "0");
    return `${OUI[oui]}:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}`;
  }
}

// ------------------------------------------------------------------------------------ services

type ServiceSpec = { name: string; description: string; minUp: number };
const SERVICE_SPECS: ServiceSpec[] = [
  { name: "app", description: "Basecamp web application servers (Rails, behind the load balancers)", minUp: 40 },
  { name: "jobs", description: "Background job workers", minUp: 16 },
  { name: "api", description: "Public API servers", minUp: 8 },
  { name: "basecamp-db", description: "Basecamp MySQL: master, slave and backup", minUp: 1 },
  { name: "redis", description: "Redis pair: sessions, queues and caches", minUp: 1 },
  { name: "memcache", description: "Memcached page and fragment cache", minUp: 4 },
  { name: "solr", description: "Solr search", minUp: 2 },
  { name: "elasticsearch", description: "Elasticsearch cluster for logs and search", minUp: 3 },
  { name: "dns", description: "Internal DNS resolvers", minUp: 1 },
];

// ------------------------------------------------------------------------------------ the build

type ServerSlot = {
  category: Category;
  model: string;
  room: number;
  cabinet: string;
  // racked at u, or in chassis at bay
  u: number | null;
  chassis: string | null;
  bay: number | null;
  // orders each pool so that consecutive picks land in different cabinets, alternating rooms
  spread: [number, number];
  hostname: string;
  role: string;
  service: { name: string; role: string } | null;
  nic: NicProfile;
  bondOnOneSwitch: boolean;
};

type ChassisMount = { kind: "chassis"; hostname: string; model: string; u: number; sleds: ServerSlot[] };
type ServerMount = { kind: "server"; slot: ServerSlot };
type CabinetBuild = {
  name: string;
  room: number;
  indexInRoom: number;
  torA: string;
  torB: string;
  mgmt: string | null;
  mounts: (ChassisMount | ServerMount)[];
};

class PlanBuilder {
  readonly plan: DatacenterPlan = {
    sites: [],
    rooms: [],
    powerSources: [],
    cabinets: [],
    powerFeeds: [],
    models: STANDARD_MODELS.map((m) => ({ ...m })),
    devices: [],
    devicePower: [],
    nics: [],
    cables: [],
    services: [],
    serviceMembers: [],
    deliberateMistakes: null,
  };
  private readonly ids = new Identity();

  site(siteIndex: number, cabinetCount: number): void {
    const site = siteRow(siteIndex);
    const siteName = site.name;
    // hostnames in the first site are bare (app-01, tor-a01-a); later sites carry their name
    const suffix = siteIndex === 0 ? "" : `.${siteName.toLowerCase()}`;
    const demo = siteIndex === 0 && cabinetCount === CABINETS_PER_SITE;
    const roomCount = Math.ceil(cabinetCount / CABINETS_PER_ROOM);
    const roomLetter = (r: number) => String.fromCharCode(65 + r);
    const roomName = (r: number) => `Room ${roomLetter(r)}`;
    const ups = (r: number, leg: 0 | 1) => `UPS-${2 * r + 1 + leg}`;
    const plan = this.plan;

    plan.sites.push(site);
    for (let r = 0; r < roomCount; r++) {
      plan.rooms.push({
        site: siteName,
        name: roomName(r),
        notes: `${r % 2 === 0 ? "East" : "West"} hall. Power from ${ups(r, 0)} (feeds A) and ${ups(r, 1)} (feeds B); its own CRAC units.`,
      });
      plan.powerSources.push({ site: siteName, name: ups(r, 0), kind: "ups" }, { site: siteName, name: ups(r, 1), kind: "ups" });
    }

    // DELIBERATE MISTAKE (4): cabinet B04 of the demo takes both feeds from UPS-3, so UPS-3 alone
    // can take the whole cabinet down although it looks dual-fed.
    const oneSourceCabinet = demo ? "B04" : null;

    // ---- physical layout
    const cabinets: CabinetBuild[] = [];
    const slots: ServerSlot[] = [];
    for (let k = 0; k < cabinetCount; k++) {
      const room = Math.floor(k / CABINETS_PER_ROOM);
      const indexInRoom = k % CABINETS_PER_ROOM;
      const name = `${roomLetter(room)}${pad(indexInRoom + 1, 2)}`;
      const lower = name.toLowerCase();
      const cabinet: CabinetBuild = {
        name,
        room,
        indexInRoom,
        torA: `tor-${lower}-a${suffix}`,
        torB: `tor-${lower}-b${suffix}`,
        mgmt: indexInRoom === 0 ? `mgmt-${roomLetter(room).toLowerCase()}${suffix}` : null,
        mounts: [],
      };
      const spreadCabinet = indexInRoom * ROOMS_PER_SITE + room;
      const withinCabinet = new Map<Category, number>();
      const chassisOf = new Map<Category, number>();
      const mounts = ROOM_LAYOUT[indexInRoom]!;
      for (const m of mounts) if ("sled" in m && m.sled) chassisOf.set(m.sled.category, (chassisOf.get(m.sled.category) ?? 0) + 1);
      const chassisSeen = new Map<Category, number>();
      for (const m of mounts) {
        if ("sled" in m && m.sled) {
          const sled = m.sled;
          const chassisIndex = chassisSeen.get(sled.category) ?? 0;
          chassisSeen.set(sled.category, chassisIndex + 1);
          const hostname = `chassis-${lower}-u${pad(m.u, 2)}${suffix}`;
          const bays = MODEL_BY_NAME.get(m.model)!.bays;
          const chassis: ChassisMount = { kind: "chassis", hostname, model: m.model, u: m.u, sleds: [] };
          for (let bay = 1; bay <= bays; bay++) {
            // bay-major order across the cabinet's chassis of this kind: a service's sleds spread
            // over chassis before they double up in one
            const within = (bay - 1) * chassisOf.get(sled.category)! + chassisIndex;
            const slot = newSlot(sled.category, sled.model, room, name, [within, spreadCabinet]);
            slot.chassis = hostname;
            slot.bay = bay;
            chassis.sleds.push(slot);
            slots.push(slot);
          }
          cabinet.mounts.push(chassis);
        } else if ("category" in m) {
          const within = withinCabinet.get(m.category) ?? 0;
          withinCabinet.set(m.category, within + 1);
          const slot = newSlot(m.category, m.model, room, name, [within, spreadCabinet]);
          slot.u = m.u;
          cabinet.mounts.push({ kind: "server", slot });
          slots.push(slot);
        }
      }
      cabinets.push(cabinet);
    }

    // ---- who runs what
    const pools = new Map<Category, ServerSlot[]>();
    for (const slot of [...slots].sort((a, b) => a.spread[0] - b.spread[0] || a.spread[1] - b.spread[1])) {
      const pool = pools.get(slot.category) ?? [];
      pool.push(slot);
      pools.set(slot.category, pool);
    }
    const take = (category: Category, count: number, where: (s: ServerSlot) => boolean = () => true): ServerSlot[] => {
      const pool = pools.get(category) ?? [];
      const picked: ServerSlot[] = [];
      for (let i = 0; i < pool.length && picked.length < count; ) {
        if (where(pool[i]!)) picked.push(pool.splice(i, 1)[0]!);
        else i++;
      }
      return picked;
    };
    const taken = (slot: ServerSlot) => {
      const pool = pools.get(slot.category)!;
      pool.splice(pool.indexOf(slot), 1);
      return slot;
    };
    const members = new Map<string, { slot: ServerSlot; role: string }[]>();
    const assign = (service: string | null, role: string, picked: ServerSlot[], serviceRole = "member") => {
      for (const slot of picked) {
        slot.role = role;
        if (service) {
          slot.service = { name: service, role: serviceRole };
          const list = members.get(service) ?? [];
          list.push({ slot, role: serviceRole });
          members.set(service, list);
        }
      }
      return picked;
    };

    // redis: a pair. DELIBERATE MISTAKE (2): in the demo both are sleds of ONE chassis (bays 1 and
    // 2 of the first C6220 chassis), so the chassis is a single point of failure for redis.
    let redis: ServerSlot[];
    if (demo) {
      const chassis = cabinets
        .flatMap((c) => c.mounts)
        .find((m): m is ChassisMount => m.kind === "chassis" && m.model === MODEL_NAMES.c6220)!;
      redis = [taken(chassis.sleds[0]!), taken(chassis.sleds[1]!)];
    } else {
      // one sled and one R710 in the other room: no chassis, room or model in common
      redis = [...take("c6220", 1, (s) => s.room === 0), ...take("r710", 1, (s) => s.room === 1 || roomCount === 1)];
    }
    assign("redis", "redis", redis.slice(0, 1), "master");
    assign("redis", "redis", redis.slice(1), "slave");

    // basecamp-db: master and slave are R710s in different rooms, the backup a storage node in a
    // third cabinet. DELIBERATE MISTAKE (3): in the demo all three run bnx2 on every data Nic
    // (the Dec 4 driver bug), and nothing else in the service differs from that.
    const master = take("r710", 1, (s) => s.room === 0);
    const slave = take("r710", 1, (s) => s.room === 1 || roomCount === 1);
    const dbCabinets = new Set([...master, ...slave].map((s) => s.cabinet));
    const backup = take("r510", 1, (s) => !dbCabinets.has(s.cabinet));
    assign("basecamp-db", "db", master, "master");
    assign("basecamp-db", "db", slave, "slave");
    assign("basecamp-db", "db", backup, "backup");
    if (demo) for (const slot of [...master, ...slave, ...backup]) slot.nic = ONE_GIG;

    // dns: one old 2950 and one R710 in each room (mixed hardware and drivers, on purpose clean)
    const dns = [
      ...take("pe2950", 1, (s) => s.room === 0),
      ...take("pe2950", 1, (s) => s.room === 1),
      ...take("r710", 1, (s) => s.room === 0),
      ...take("r710", 1, (s) => s.room === 1),
    ];
    assign("dns", "dns", dns);
    assign("memcache", "memcache", [...take("r710", 4), ...take("c6220", 4)]);
    assign("solr", "solr", [...take("r710", 2), ...take("c6220", 2)]);
    assign("elasticsearch", "elasticsearch", [...take("r710", 3), ...take("c6220", 3)]);
    assign("api", "api", [...take("c6220", 16), ...take("r710", 8)]);
    assign("app", "app", [...take("c5220", 96), ...take("c6220", 24)]);
    assign("jobs", "jobs", [...take("c6100", 32), ...take("c5220", 16)]);
    assign(null, "mon", take("r710", 2));
    assign(null, "log", take("r710", 2));
    assign(null, "hadoop", take("c5220", Infinity));
    assign(null, "worker", [...take("c6100", Infinity), ...take("c6220", Infinity)]);
    assign(null, "util", [...take("r710", Infinity), ...take("pe2950", Infinity)]);
    assign(null, "storage", take("r510", Infinity));

    // hostnames: numbered per role in pick order
    const numbered = new Map<string, number>();
    const hostPrefix = (slot: ServerSlot) => (slot.role === "db" ? `db-${slot.service!.role}` : slot.role);
    const byPick = [...members.values()].flat().map((m) => m.slot);
    const rest = slots.filter((s) => !s.service).sort((a, b) => a.spread[0] - b.spread[0] || a.spread[1] - b.spread[1]);
    for (const slot of [...byPick, ...rest]) {
      const prefix = hostPrefix(slot);
      const n = (numbered.get(prefix) ?? 0) + 1;
      numbered.set(prefix, n);
      slot.hostname = `${prefix}-${pad(n, 2)}${suffix}`;
      if (slot.role !== "db" && (slot.category === "pe2950" || ["mon", "log", "util"].includes(slot.role))) slot.nic = ONE_GIG;
    }

    // DELIBERATE MISTAKE (1): app-07's bond has both legs on tor-<cabinet>-a (eth1 was patched into
    // the wrong switch), so that one TOR can take it down although it looks redundant.
    const oneSwitch = demo ? slots.find((s) => s.hostname === "app-07")! : null;
    if (oneSwitch) oneSwitch.bondOnOneSwitch = true;

    // ---- rows
    const sources: Record<string, [string, string]> = {};
    const oobIndex = new Map<number, number>();
    const primaryIndex = new Map<number, number>();
    const mgmtPort = new Map<number, number>();
    const nextOob = (room: number) => {
      const k = oobIndex.get(room) ?? 0;
      oobIndex.set(room, k + 1);
      return hostAddress(OOB_BASE, siteIndex, room, k);
    };
    const nextPrimary = (room: number) => {
      const k = primaryIndex.get(room) ?? 0;
      primaryIndex.set(room, k + 1);
      return hostAddress(PRIMARY_BASE, siteIndex, room, k);
    };
    let bondMistake: DeliberateMistakes["bondOnOneSwitch"] | null = null;
    const mgmtOf = (room: number) => cabinets.find((c) => c.room === room && c.mgmt)!.mgmt!;
    const nextMgmtPort = (room: number) => {
      const j = mgmtPort.get(room) ?? 0;
      mgmtPort.set(room, j + 1);
      // a stack of 48-port members: Gi<member>/0/<port>
      return `Gi${Math.floor(j / MGMT_PORTS_PER_MEMBER) + 1}/0/${(j % MGMT_PORTS_PER_MEMBER) + 1}`;
    };

    for (const cabinet of cabinets) {
      const room = roomName(cabinet.room);
      plan.cabinets.push({ site: siteName, name: cabinet.name, room, heightU: CABINET_HEIGHT, notes: "" });
      const feeds: [string, string] =
        cabinet.name === oneSourceCabinet ? [ups(cabinet.room, 0), ups(cabinet.room, 0)] : [ups(cabinet.room, 0), ups(cabinet.room, 1)];
      sources[cabinet.name] = feeds;
      plan.powerFeeds.push(
        { site: siteName, cabinet: cabinet.name, name: "A", source: feeds[0] },
        { site: siteName, cabinet: cabinet.name, name: "B", source: feeds[1] },
      );

      let label = 0;
      const nextLabel = () => `${siteName}-${cabinet.name}-${pad(++label, 4)}`;
      const dualFed = (hostname: string) => plan.devicePower.push({ hostname, feed: "A" }, { hostname, feed: "B" });
      const racked = (hostname: string, modelName: string, role: string, u: number, extra: Partial<DeviceRow>) => {
        const kind = MODEL_BY_NAME.get(modelName)!.kind;
        plan.devices.push({
          hostname,
          model: modelName,
          role,
          status: "active",
          serial: kind === "switch" ? this.ids.switchSerial() : this.ids.serviceTag(),
          assetTag: this.ids.assetTag(),
          site: siteName,
          cabinet: cabinet.name,
          uLow: u,
          face: "front",
          chassis: null,
          bay: null,
          primaryIp: null,
          oobIp: null,
          os: "",
          notes: "",
          ...extra,
        });
        dualFed(hostname);
      };

      // switches: two TORs, each with a management port on the room's OOB switch
      const mgmtHost = mgmtOf(cabinet.room);
      if (cabinet.mgmt) racked(cabinet.mgmt, MODEL_NAMES.switch1u, "oob-switch", MGMT_U, { primaryIp: nextOob(cabinet.room) });
      for (const [tor, u] of [
        [cabinet.torA, TOR_A_U],
        [cabinet.torB, TOR_B_U],
      ] as const) {
        const oobIp = nextOob(cabinet.room);
        racked(tor, MODEL_NAMES.switch1u, "tor", u, { oobIp });
        plan.nics.push(nic(tor, "mgmt0", "oob", this.ids.mac("switchMgmt"), 1000, null, null, null, oobIp));
        const port = nextMgmtPort(cabinet.room);
        plan.nics.push(nic(mgmtHost, port, "nic", null, 1000, null, null, null, null));
        plan.cables.push({ aHost: tor, aPort: "mgmt0", bHost: mgmtHost, bPort: port, label: nextLabel() });
      }

      // servers and chassis, bottom up; the k-th server of the cabinet takes port k of each TOR
      let torPort = 0;
      const server = (slot: ServerSlot) => {
        const primaryIp = nextPrimary(cabinet.room);
        const oobIp = nextOob(cabinet.room);
        const sled = slot.chassis !== null;
        plan.devices.push({
          hostname: slot.hostname,
          model: slot.model,
          role: slot.role,
          status: "active",
          serial: this.ids.serviceTag(),
          assetTag: this.ids.assetTag(),
          site: sled ? null : siteName,
          cabinet: sled ? null : cabinet.name,
          uLow: slot.u,
          face: sled ? null : "front",
          chassis: slot.chassis,
          bay: slot.bay,
          primaryIp,
          oobIp,
          os: slot.role === "hadoop" ? "CentOS 6.3" : slot.category === "pe2950" ? "Ubuntu 10.04 LTS" : "Ubuntu 12.04 LTS",
          notes: "",
        });
        // a sled shares its chassis' power and has no rows of its own
        if (!sled) dualFed(slot.hostname);
        const oui: Oui = slot.nic.driver;
        const h = slot.hostname;
        plan.nics.push(
          nic(h, "bond0", "bond", null, null, null, null, "802.3ad", primaryIp),
          nic(h, "eth0", "nic", this.ids.mac(oui), slot.nic.speedMbps, slot.nic.driver, "bond0", null, null),
          nic(h, "eth1", "nic", this.ids.mac(oui), slot.nic.speedMbps, slot.nic.driver, "bond0", null, null),
          nic(h, "idrac", "oob", this.ids.mac("oob"), 1000, null, null, null, oobIp),
        );
        torPort++;
        if (torPort >= TOR_PORTS) throw new Error(`cabinet ${cabinet.name} has more servers than its TORs have ports`);
        const portA = `Te1/0/${torPort}`;
        // the mis-patched leg lands on the A switch's last port
        const [legB, portB] = slot.bondOnOneSwitch ? [cabinet.torA, `Te1/0/${TOR_PORTS}`] : [cabinet.torB, portA];
        // a 1G server gets a 1G optic in the TOR's SFP+ port
        plan.nics.push(
          nic(cabinet.torA, portA, "nic", null, slot.nic.speedMbps, null, null, null, null),
          nic(legB, portB, "nic", null, slot.nic.speedMbps, null, null, null, null),
        );
        plan.cables.push(
          { aHost: h, aPort: "eth0", bHost: cabinet.torA, bPort: portA, label: nextLabel() },
          { aHost: h, aPort: "eth1", bHost: legB, bPort: portB, label: nextLabel() },
        );
        const mgmtPortName = nextMgmtPort(cabinet.room);
        plan.nics.push(nic(mgmtHost, mgmtPortName, "nic", null, 1000, null, null, null, null));
        plan.cables.push({ aHost: h, aPort: "idrac", bHost: mgmtHost, bPort: mgmtPortName, label: nextLabel() });
        if (slot.bondOnOneSwitch) bondMistake = { hostname: h, switch: cabinet.torA, ports: [portA, portB] };
      };
      for (const mount of cabinet.mounts) {
        if (mount.kind === "chassis") {
          racked(mount.hostname, mount.model, "chassis", mount.u, {});
          for (const slot of mount.sleds) server(slot);
        } else {
          server(mount.slot);
        }
      }
    }

    if (demo) {
      for (let i = 1; i <= SPARES_IN_DEMO; i++) {
        plan.devices.push({
          hostname: `spare-${pad(i, 2)}`,
          model: MODEL_NAMES.r710,
          role: "spare",
          status: "inventory",
          serial: this.ids.serviceTag(),
          assetTag: this.ids.assetTag(),
          site: siteName,
          cabinet: null,
          uLow: null,
          face: null,
          chassis: null,
          bay: null,
          primaryIp: null,
          oobIp: null,
          os: "",
          notes: "Cold spare on the shelf in the ORD1 cage storage locker.",
        });
      }
    }

    // services, named plainly in the first site and with the site's name after it elsewhere
    const serviceSuffix = siteIndex === 0 ? "" : `.${siteName.toLowerCase()}`;
    for (const spec of SERVICE_SPECS) {
      const list = members.get(spec.name);
      if (!list?.length) continue;
      const name = `${spec.name}${serviceSuffix}`;
      plan.services.push({ name, description: spec.description, minUp: Math.min(spec.minUp, list.length) });
      for (const m of list) plan.serviceMembers.push({ service: name, hostname: m.slot.hostname, role: m.role });
    }

    if (demo && bondMistake) {
      const chassis = redis[0]!.chassis!;
      plan.deliberateMistakes = {
        bondOnOneSwitch: bondMistake,
        redisInOneChassis: { service: "redis", chassis, hostnames: redis.map((s) => s.hostname) },
        databaseOnOneDriver: {
          service: "basecamp-db",
          driver: ONE_GIG.driver,
          hostnames: [...master, ...slave, ...backup].map((s) => s.hostname),
        },
        cabinetOnOneSource: { site: siteName, cabinet: oneSourceCabinet!, source: sources[oneSourceCabinet!]![0] },
      };
    }
  }
}

function newSlot(category: Category, modelName: string, room: number, cabinet: string, spread: [number, number]): ServerSlot {
  return {
    category,
    model: modelName,
    room,
    cabinet,
    u: null,
    chassis: null,
    bay: null,
    spread,
    hostname: "",
    role: "",
    service: null,
    nic: tenGig(room),
    bondOnOneSwitch: false,
  };
}

function nic(
  hostname: string,
  name: string,
  kind: NicKind,
  mac: string | null,
  speedMbps: number | null,
  driver: string | null,
  bond: string | null,
  bondMode: string | null,
  ip: string | null,
): NicRow {
  return { hostname, name, kind, mac, speedMbps, driver, enabled: true, bond, bondMode, ip };
}

/**
 * The demo datacenter (no argument): site ORD1 with Room A and Room B, 16 cabinets, about 520
 * devices, the story's services and four deliberate mistakes (see DeliberateMistakes).
 *
 * With `devices`, about that many devices (the nearest whole cabinet): whole sites of the same
 * shape (2 rooms x 8 cabinets) and a last, partial one. The first complete site is exactly the
 * demo; every other site is clean, with its name after its hostnames and services
 * (`app-01.iad1`, `app.iad1`).
 */
export function planDatacenter(options: { devices?: number } = {}): DatacenterPlan {
  const { devices } = options;
  if (devices !== undefined && (!Number.isInteger(devices) || devices < 1 || devices > MAX_DEVICES)) {
    throw new RangeError(`devices must be a whole number from 1 to ${MAX_DEVICES}, not ${devices}`);
  }
  const cabinets = devices === undefined ? CABINETS_PER_SITE : cabinetsFor(devices);
  const builder = new PlanBuilder();
  for (let site = 0; site * CABINETS_PER_SITE < cabinets; site++) {
    builder.site(site, Math.min(CABINETS_PER_SITE, cabinets - site * CABINETS_PER_SITE));
  }
  return builder.plan;
}
