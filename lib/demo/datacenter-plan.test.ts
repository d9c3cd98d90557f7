import { describe, expect, it } from "vitest";
import { planDatacenter, STANDARD_MODELS, type DatacenterPlan, type DeviceRow } from "./datacenter-plan";

const demo = planDatacenter();
const scaled = planDatacenter({ devices: 5000 });

function byHostname(plan: DatacenterPlan): Map<string, DeviceRow> {
  return new Map(plan.devices.map((d) => [d.hostname, d]));
}

// the switch at the other end of each cabled Nic, keyed "host/nic"
function peers(plan: DatacenterPlan): Map<string, { host: string; port: string }> {
  const map = new Map<string, { host: string; port: string }>();
  for (const c of plan.cables) {
    map.set(`${c.aHost}/${c.aPort}`, { host: c.bHost, port: c.bPort });
    map.set(`${c.bHost}/${c.bPort}`, { host: c.aHost, port: c.aPort });
  }
  return map;
}

function duplicates(values: (string | null)[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    if (v === null) continue;
    if (seen.has(v)) dup.add(v);
    seen.add(v);
  }
  return [...dup];
}

// The migration's rules, checked on plain rows, so a plan that the database would refuse fails here.
function constraintViolations(plan: DatacenterPlan): string[] {
  const problems: string[] = [];
  const models = new Map(plan.models.map((m) => [m.name, m]));
  const devices = byHostname(plan);
  const cabinets = new Map(plan.cabinets.map((c) => [`${c.site}/${c.name}`, c]));

  // U ranges fit the cabinet and never overlap on a face (every shipped model is full depth)
  const taken = new Map<string, string>();
  for (const d of plan.devices) {
    const m = models.get(d.model);
    if (!m) {
      problems.push(`${d.hostname}: unknown model ${d.model}`);
      continue;
    }
    const racked = d.cabinet !== null && d.uLow !== null && d.face !== null && d.chassis === null && d.bay === null;
    const bayed = d.chassis !== null && d.bay !== null && d.cabinet === null && d.uLow === null && d.face === null;
    const unplaced = d.cabinet === null && d.uLow === null && d.face === null && d.chassis === null && d.bay === null;
    if (!racked && !bayed && !unplaced) problems.push(`${d.hostname}: mixed placement`);
    if (racked) {
      const cabinet = cabinets.get(`${d.site}/${d.cabinet}`);
      if (!cabinet) problems.push(`${d.hostname}: unknown cabinet ${d.site}/${d.cabinet}`);
      if (m.heightU < 1) problems.push(`${d.hostname}: a ${m.kind} cannot be racked`);
      if (cabinet && d.uLow! + m.heightU - 1 > cabinet.heightU) problems.push(`${d.hostname}: sticks out of ${d.cabinet}`);
      const faces = m.fullDepth ? ["front", "rear"] : [d.face!];
      for (let u = d.uLow!; u < d.uLow! + m.heightU; u++) {
        for (const face of faces) {
          const slot = `${d.site}/${d.cabinet}/${u}/${face}`;
          if (taken.has(slot)) problems.push(`${d.hostname} overlaps ${taken.get(slot)} at ${slot}`);
          taken.set(slot, d.hostname);
        }
      }
    }
    if (bayed) {
      const chassis = devices.get(d.chassis!);
      const chassisModel = chassis && models.get(chassis.model);
      if (!chassisModel || chassisModel.kind !== "chassis") problems.push(`${d.hostname}: ${d.chassis} is not a chassis`);
      if (m.kind !== "sled") problems.push(`${d.hostname}: only sleds go in bays`);
      if (chassisModel && (d.bay! < 1 || d.bay! > chassisModel.bays)) problems.push(`${d.hostname}: no bay ${d.bay}`);
    }
  }
  for (const dup of duplicates(plan.devices.filter((d) => d.chassis).map((d) => `${d.chassis}#${d.bay}`))) {
    problems.push(`two sleds in ${dup}`);
  }

  // power: feeds of the device's own cabinet, none for sleds
  const feeds = new Set(plan.powerFeeds.map((f) => `${f.site}/${f.cabinet}/${f.name}`));
  for (const p of plan.devicePower) {
    const d = devices.get(p.hostname);
    if (!d || d.cabinet === null) problems.push(`${p.hostname}: power without a cabinet`);
    else if (!feeds.has(`${d.site}/${d.cabinet}/${p.feed}`)) problems.push(`${p.hostname}: feed ${p.feed} not in ${d.cabinet}`);
  }
  const sources = new Set(plan.powerSources.map((s) => `${s.site}/${s.name}`));
  for (const f of plan.powerFeeds) if (!sources.has(`${f.site}/${f.source}`)) problems.push(`feed ${f.cabinet}/${f.name}: no source ${f.source}`);

  // Nics: unique per device, MAC format, bonds on the same device, one cable per Nic
  const nics = new Map(plan.nics.map((n) => [`${n.hostname}/${n.name}`, n]));
  for (const dup of duplicates(plan.nics.map((n) => `${n.hostname}/${n.name}`))) problems.push(`duplicate nic ${dup}`);
  for (const n of plan.nics) {
    if (!devices.has(n.hostname)) problems.push(`nic ${n.name} on unknown ${n.hostname}`);
    if (n.mac !== null && !/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(n.mac)) problems.push(`bad mac ${n.mac}`);
    if (n.bond !== null && (n.kind !== "nic" || nics.get(`${n.hostname}/${n.bond}`)?.kind !== "bond")) {
      problems.push(`${n.hostname}/${n.name}: bad bond ${n.bond}`);
    }
    if (n.bondMode !== null && n.kind !== "bond") problems.push(`${n.hostname}/${n.name}: bond mode on a non-bond`);
  }
  const ends = plan.cables.flatMap((c) => [`${c.aHost}/${c.aPort}`, `${c.bHost}/${c.bPort}`]);
  for (const dup of duplicates(ends)) problems.push(`${dup} is on two cables`);
  for (const end of ends) if (!nics.has(end)) problems.push(`cable end ${end} is not a nic`);
  for (const c of plan.cables) if (c.aHost === c.bHost && c.aPort === c.bPort) problems.push(`cable ${c.label} loops`);

  // services
  const services = new Map(plan.services.map((s) => [s.name, s]));
  for (const m of plan.serviceMembers) {
    if (!services.has(m.service)) problems.push(`member of unknown service ${m.service}`);
    if (!devices.has(m.hostname)) problems.push(`unknown member ${m.hostname}`);
  }
  for (const dup of duplicates(plan.serviceMembers.map((m) => `${m.service}/${m.hostname}`))) problems.push(`member twice: ${dup}`);
  for (const s of plan.services) {
    const count = plan.serviceMembers.filter((m) => m.service === s.name).length;
    if (s.minUp < 1 || s.minUp > count) problems.push(`${s.name}: min_up ${s.minUp} of ${count}`);
  }
  return problems;
}

function identityDuplicates(plan: DatacenterPlan) {
  return {
    hostnames: duplicates(plan.devices.map((d) => d.hostname.toLowerCase())),
    serials: duplicates(plan.devices.map((d) => d.serial?.toUpperCase() ?? null)),
    assetTags: duplicates(plan.devices.map((d) => d.assetTag?.toUpperCase() ?? null)),
    macs: duplicates(plan.nics.map((n) => n.mac)),
    labels: duplicates(plan.cables.map((c) => c.label)),
    ips: duplicates(plan.devices.flatMap((d) => [d.primaryIp, d.oobIp])),
  };
}

const NO_DUPLICATES = { hostnames: [], serials: [], assetTags: [], macs: [], labels: [], ips: [] };

// a server's data Nics: the members of its bond
function dataNics(plan: DatacenterPlan, hostname: string) {
  return plan.nics.filter((n) => n.hostname === hostname && n.kind === "nic" && n.bond !== null);
}

function membersOf(plan: DatacenterPlan, service: string) {
  return plan.serviceMembers.filter((m) => m.service === service);
}

// the cabinet a device physically sits in (a sled: its chassis' cabinet)
function cabinetOf(plan: DatacenterPlan, hostname: string): string {
  const devices = byHostname(plan);
  const d = devices.get(hostname)!;
  const racked = d.chassis ? devices.get(d.chassis)! : d;
  return `${racked.site}/${racked.cabinet}`;
}

describe("planDatacenter", () => {
  it("is deterministic", () => {
    expect(planDatacenter()).toEqual(demo);
    expect(JSON.stringify(planDatacenter())).toBe(JSON.stringify(demo));
    expect(JSON.stringify(planDatacenter({ devices: 5000 }))).toBe(JSON.stringify(scaled));
  });

  it("refuses a device count it cannot plan", () => {
    expect(() => planDatacenter({ devices: 0 })).toThrow(RangeError);
    expect(() => planDatacenter({ devices: 1.5 })).toThrow(RangeError);
  });

  it("ships the standard models", () => {
    const names = demo.models.map((m) => m.name);
    for (const name of ["PowerEdge C5000", "PowerEdge C5220", "PowerEdge C6100", "PowerEdge C6220", "PowerEdge R710", "PowerEdge 2950", "Generic 1U switch"]) {
      expect(names).toContain(name);
    }
    expect(demo.models.find((m) => m.name === "PowerEdge C5000")).toMatchObject({ kind: "chassis", heightU: 3, bays: 8, bayColumns: 8, bayRows: 1 });
    expect(demo.models.find((m) => m.name === "PowerEdge C6220")).toMatchObject({ kind: "chassis", heightU: 2, bays: 4, bayColumns: 2, bayRows: 2 });
    expect(demo.models.find((m) => m.name === "PowerEdge C5220")).toMatchObject({ kind: "sled", heightU: 0 });
    expect(demo.models.find((m) => m.name === "Generic 1U switch")).toMatchObject({ kind: "switch", heightU: 1 });
    expect(demo.models).toEqual(STANDARD_MODELS);
  });

  describe("the demo", () => {
    it("is one site with two rooms of eight 42U cabinets on separate UPSes", () => {
      expect(demo.sites.map((s) => s.name)).toEqual(["ORD1"]);
      const ord1 = demo.sites[0]!;
      expect(ord1.address).toMatch(/Chicago, IL/);
      expect(ord1.remoteHandsPhone).not.toBe("");
      expect(ord1.remoteHandsEmail).toMatch(/@/);
      expect(ord1.accessNotes).not.toBe("");
      expect(demo.rooms.map((r) => r.name)).toEqual(["Room A", "Room B"]);
      expect(demo.cabinets.map((c) => c.name)).toEqual([
        ...["A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08"],
        ...["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08"],
      ]);
      expect(new Set(demo.cabinets.map((c) => c.heightU))).toEqual(new Set([42]));
      for (const cabinet of demo.cabinets) {
        const feeds = demo.powerFeeds.filter((f) => f.cabinet === cabinet.name);
        expect(feeds.map((f) => f.name)).toEqual(["A", "B"]);
        const allowed = cabinet.room === "Room A" ? ["UPS-1", "UPS-2"] : ["UPS-3", "UPS-4"];
        for (const f of feeds) expect(allowed).toContain(f.source);
      }
    });

    it("has about 520 devices, the story's hardware and services", () => {
      expect(demo.devices.length).toBe(520);
      const models = new Set(demo.devices.map((d) => d.model));
      for (const m of STANDARD_MODELS) expect(models).toContain(m.name);
      expect(demo.services.map((s) => s.name).sort()).toEqual(
        ["api", "app", "basecamp-db", "dns", "elasticsearch", "jobs", "memcache", "redis", "solr"].sort(),
      );
      expect(membersOf(demo, "app").length).toBeGreaterThan(50);
      expect(demo.devices.filter((d) => d.status === "inventory" && d.cabinet === null && d.chassis === null).length).toBe(2);
    });

    it("gives every cabinet two 1U TORs and every room one management switch", () => {
      const devices = byHostname(demo);
      for (const cabinet of demo.cabinets) {
        const lower = cabinet.name.toLowerCase();
        for (const tor of [`tor-${lower}-a`, `tor-${lower}-b`]) {
          expect(devices.get(tor)).toMatchObject({ model: "Generic 1U switch", cabinet: cabinet.name });
          expect(demo.devicePower.filter((p) => p.hostname === tor).map((p) => p.feed)).toEqual(["A", "B"]);
        }
      }
      expect(devices.get("mgmt-a")).toMatchObject({ cabinet: "A01" });
      expect(devices.get("mgmt-b")).toMatchObject({ cabinet: "B01" });
    });

    it("cables every server's bond to its cabinet's TORs and its oob Nic to the room's management switch", () => {
      const devices = byHostname(demo);
      const peer = peers(demo);
      const servers = demo.serviceMembers.map((m) => m.hostname);
      expect(servers.length).toBeGreaterThan(100);
      for (const hostname of servers) {
        const d = devices.get(hostname)!;
        expect(d.primaryIp).not.toBeNull();
        expect(d.oobIp).not.toBeNull();
        expect(d.primaryIp).not.toBe(d.oobIp);
        expect(d.serial).toMatch(/^[0-9B-DF-HJ-NP-TV-Z]{7}$/);
        const bond = demo.nics.find((n) => n.hostname === hostname && n.name === "bond0")!;
        expect(bond).toMatchObject({ kind: "bond", bondMode: "802.3ad", ip: d.primaryIp });
        expect(dataNics(demo, hostname).map((n) => n.name)).toEqual(["eth0", "eth1"]);
        const cabinet = cabinetOf(demo, hostname).split("/")[1]!.toLowerCase();
        const room = cabinet[0]!;
        expect(peer.get(`${hostname}/eth0`)?.host).toBe(`tor-${cabinet}-a`);
        if (hostname !== "app-07") expect(peer.get(`${hostname}/eth1`)?.host).toBe(`tor-${cabinet}-b`);
        const oob = demo.nics.find((n) => n.hostname === hostname && n.kind === "oob")!;
        expect(oob).toMatchObject({ name: "idrac", ip: d.oobIp });
        expect(peer.get(`${hostname}/idrac`)?.host).toBe(`mgmt-${room}`);
      }
    });

    it("draws racked devices on feeds A and B, and sleds on nothing of their own", () => {
      for (const d of demo.devices) {
        const feeds = demo.devicePower.filter((p) => p.hostname === d.hostname).map((p) => p.feed);
        expect(feeds).toEqual(d.cabinet === null ? [] : ["A", "B"]);
      }
    });

    it("labels cables like ORD1-A01-0007", () => {
      for (const c of demo.cables) expect(c.label).toMatch(/^ORD1-[AB]0[1-8]-\d{4}$/);
    });
  });

  describe("deliberate mistakes in the demo", () => {
    const peer = peers(demo);

    it("(1) app-07's bond has both legs on tor-a01-a, and every other bond is split over two switches", () => {
      expect(demo.deliberateMistakes?.bondOnOneSwitch).toEqual({ hostname: "app-07", switch: "tor-a01-a", ports: ["Te1/0/9", "Te1/0/48"] });
      expect(peer.get("app-07/eth0")).toEqual({ host: "tor-a01-a", port: "Te1/0/9" });
      expect(peer.get("app-07/eth1")).toEqual({ host: "tor-a01-a", port: "Te1/0/48" });
      const bonded = new Set(demo.nics.filter((n) => n.kind === "bond").map((n) => n.hostname));
      const oneSwitch = [...bonded].filter((h) => new Set(dataNics(demo, h).map((n) => peer.get(`${h}/${n.name}`)?.host)).size < 2);
      expect(oneSwitch).toEqual(["app-07"]);
    });

    it("(2) the redis pair are two sleds of one chassis, and no other service sits in one chassis", () => {
      const devices = byHostname(demo);
      const redis = membersOf(demo, "redis");
      expect(redis.map((m) => [m.hostname, m.role])).toEqual([
        ["redis-01", "master"],
        ["redis-02", "slave"],
      ]);
      const chassis = redis.map((m) => devices.get(m.hostname)!.chassis);
      expect(chassis).toEqual(["chassis-a02-u07", "chassis-a02-u07"]);
      expect(demo.deliberateMistakes?.redisInOneChassis).toEqual({ service: "redis", chassis: "chassis-a02-u07", hostnames: ["redis-01", "redis-02"] });
      for (const s of demo.services.filter((s) => s.name !== "redis")) {
        const homes = new Set(membersOf(demo, s.name).map((m) => devices.get(m.hostname)!.chassis ?? m.hostname));
        expect(homes.size, s.name).toBeGreaterThan(1);
      }
    });

    it("(3) basecamp-db's master, slave and backup run bnx2 on every data Nic, and share nothing else below the site", () => {
      const devices = byHostname(demo);
      const db = membersOf(demo, "basecamp-db");
      expect(db.map((m) => [m.hostname, m.role])).toEqual([
        ["db-master-01", "master"],
        ["db-slave-01", "slave"],
        ["db-backup-01", "backup"],
      ]);
      for (const m of db) {
        const nics = dataNics(demo, m.hostname);
        expect(nics.length).toBe(2);
        for (const n of nics) expect(n.driver).toBe("bnx2");
      }
      expect(new Set(db.map((m) => cabinetOf(demo, m.hostname))).size).toBe(3);
      expect(new Set(db.map((m) => devices.get(m.hostname)!.cabinet![0])).size).toBe(2);
      expect(new Set(db.map((m) => devices.get(m.hostname)!.model)).size).toBe(2);
      expect(demo.deliberateMistakes?.databaseOnOneDriver).toEqual({
        service: "basecamp-db",
        driver: "bnx2",
        hostnames: ["db-master-01", "db-slave-01", "db-backup-01"],
      });
      // only the two mistakes leave a service on one driver (redis's two sleds are one purchase)
      const oneDriver = demo.services
        .map((s) => s.name)
        .filter((name) => new Set(membersOf(demo, name).flatMap((m) => dataNics(demo, m.hostname).map((n) => n.driver))).size === 1);
      expect(oneDriver.sort()).toEqual(["basecamp-db", "redis"]);
    });

    it("(4) cabinet B04 takes feeds A and B from UPS-3, and every other cabinet from two UPSes", () => {
      expect(demo.powerFeeds.filter((f) => f.cabinet === "B04").map((f) => f.source)).toEqual(["UPS-3", "UPS-3"]);
      expect(demo.deliberateMistakes?.cabinetOnOneSource).toEqual({ site: "ORD1", cabinet: "B04", source: "UPS-3" });
      const oneSource = demo.cabinets
        .filter((c) => new Set(demo.powerFeeds.filter((f) => f.cabinet === c.name).map((f) => f.source)).size < 2)
        .map((c) => c.name);
      expect(oneSource).toEqual(["B04"]);
    });

    it("keeps every other service spread over cabinets and rooms", () => {
      const devices = byHostname(demo);
      for (const s of demo.services.filter((s) => s.name !== "redis")) {
        const members = membersOf(demo, s.name);
        expect(new Set(members.map((m) => cabinetOf(demo, m.hostname))).size, s.name).toBeGreaterThan(1);
        const rooms = new Set(members.map((m) => cabinetOf(demo, m.hostname).split("/")[1]![0]));
        expect(rooms.size, s.name).toBe(2);
        expect(new Set(members.map((m) => devices.get(m.hostname)!.model)).size, s.name).toBeGreaterThan(1);
      }
    });
  });

  describe("constraints and identity", () => {
    it("respects the migration's placement, power, Nic and cable rules", () => {
      expect(constraintViolations(demo)).toEqual([]);
      expect(constraintViolations(scaled)).toEqual([]);
    });

    it("keeps hostnames, serials, asset tags, MACs, cable labels and IPs unique", () => {
      expect(identityDuplicates(demo)).toEqual(NO_DUPLICATES);
      expect(identityDuplicates(scaled)).toEqual(NO_DUPLICATES);
      for (const d of scaled.devices) {
        expect(d.hostname).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/);
        expect(d.serial).not.toBeNull();
        expect(d.assetTag).not.toBeNull();
      }
    });
  });

  describe("scaled", () => {
    it("plans within 5% of the devices asked for", () => {
      for (const [devices, plan] of [
        [5000, scaled],
        [2000, planDatacenter({ devices: 2000 })],
        [1234, planDatacenter({ devices: 1234 })],
      ] as const) {
        expect(Math.abs(plan.devices.length - devices) / devices).toBeLessThan(0.05);
      }
    });

    it("starts with the demo site and adds clean sites of the same shape", () => {
      expect(scaled.devices.slice(0, demo.devices.length)).toEqual(demo.devices);
      expect(scaled.deliberateMistakes).toEqual(demo.deliberateMistakes);
      expect(scaled.sites.length).toBeGreaterThan(5);
      const second = scaled.sites[1]!.name;
      expect(second).toBe("IAD1");
      expect(scaled.cabinets.filter((c) => c.site === second).length).toBe(16);
      expect(byHostname(scaled).get("tor-a01-a.iad1")).toMatchObject({ site: "IAD1", cabinet: "A01" });
      expect(membersOf(scaled, "redis.iad1").length).toBe(2);
      const devices = byHostname(scaled);
      const redis = membersOf(scaled, "redis.iad1").map((m) => devices.get(m.hostname)!);
      expect(new Set(redis.map((d) => d.model)).size).toBe(2);
      const dbDrivers = membersOf(scaled, "basecamp-db.iad1").flatMap((m) => dataNics(scaled, m.hostname).map((n) => n.driver));
      expect(new Set(dbDrivers).size).toBe(2);
      expect(scaled.powerFeeds.filter((f) => f.site === second && f.name === "A").every((f) => f.source !== "UPS-2")).toBe(true);
    });
  });
});
