// The device read model and the JSON of GET /api/v1/devices/{hostname}, against the demo datacenter in real
// PostgreSQL: where a sled, a racked server, a switch and a spare are, how they are wired and powered.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deviceJson } from "../api/device-json";
import { buildRackLayout, type RackDeviceInput } from "../domain/rack-layout";
import { getCabinet, listCabinetElevations } from "./cabinets";
import { db } from "./client";
import { parseLocateQuery } from "../domain/locate-query";
import { getDeviceDetail, type DeviceDetail } from "./devices";
import { locate } from "./locate";
import { getRoom } from "./rooms";
import { seedDemo } from "./seed";
import { getSite } from "./sites";

let pool: pg.Pool;

async function detail(hostname: string): Promise<DeviceDetail> {
  const device = await getDeviceDetail({ hostname });
  if (!device) throw new Error(`${hostname} not found`);
  return device;
}

beforeAll(async () => {
  const url = process.env.DATABASE_URL!;
  pool = new pg.Pool({ connectionString: url });
  // other files share this database and leave their own rows behind: start from the demo, and only the demo
  await pool.query("TRUNCATE site, model, service, work_order, audit_log RESTART IDENTITY CASCADE");
  expect(await seedDemo(url)).toEqual({ seeded: true });
});

afterAll(async () => {
  await pool.end();
});

describe("getDeviceDetail", () => {
  it("places a sled by its chassis: the chassis' cabinet, units and face, plus chassis and bay", async () => {
    const redis = await detail("redis-01");
    expect(redis.placement).toBe("sled");
    expect(redis.location).toEqual({
      site: "ORD1",
      siteId: redis.place.site!.id,
      room: "Room A",
      roomId: redis.place.room!.id,
      cabinet: "A02",
      cabinetId: redis.place.cabinet!.id,
      uLow: 7,
      uHigh: 8,
      face: "front",
      chassis: "chassis-a02-u07",
      bay: 1,
    });
    expect(redis.place.cabinet?.name).toBe("A02");
    expect(redis.chassis).toMatchObject({ hostname: "chassis-a02-u07", modelName: "PowerEdge C6220", bays: 4, bayColumns: 2, bayRows: 2 });
    expect(redis.chassis?.sleds.map((s) => s.bay)).toEqual([1, 2, 3, 4]);
    expect(redis.chassis?.sleds.find((s) => s.bay === 2)?.hostname).toBe("redis-02");
    expect(redis.services).toEqual([expect.objectContaining({ name: "redis", role: "master" })]);
  });

  it("gives a sled its chassis' power feeds and names the chassis", async () => {
    const redis = await detail("redis-01");
    expect(redis.power.via).toBe("chassis-a02-u07");
    expect(redis.power.assumed).toBe(false);
    expect(redis.power.feeds.map((f) => [f.name, f.cabinet, f.source])).toEqual([
      ["A", "A02", "UPS-1"],
      ["B", "A02", "UPS-2"],
    ]);
  });

  it("lists bonds with their members and the switch port at the far end of every cable", async () => {
    const redis = await detail("redis-01");
    const bond = redis.nics.find((n) => n.name === "bond0")!;
    expect(bond).toMatchObject({ kind: "bond", bondMode: "802.3ad", ip: redis.primaryIp });
    const members = redis.nics.filter((n) => n.bondId === bond.id);
    expect(members.map((n) => n.name)).toEqual(["eth0", "eth1"]);
    expect(members.map((n) => n.cable?.peer.hostname)).toEqual(["tor-a02-a", "tor-a02-b"]);
    expect(members.every((n) => n.cable?.peer.kind === "switch" && /^Te1\/0\/\d+$/.test(n.cable.peer.nic))).toBe(true);
    expect(members.map((n) => n.cable?.label)).toEqual([expect.stringMatching(/^ORD1-A02-\d{4}$/), expect.stringMatching(/^ORD1-A02-\d{4}$/)]);
    const oob = redis.nics.find((n) => n.kind === "oob")!;
    expect(oob.cable?.peer.hostname).toBe("mgmt-a");
    expect(oob.ip).toBe(redis.oobIp);
  });

  it("finds a hostname without regard to case, and nothing for an unknown one", async () => {
    expect((await getDeviceDetail({ hostname: "REDIS-01" }))?.hostname).toBe("redis-01");
    expect(await getDeviceDetail({ hostname: "no-such-host" })).toBeNull();
  });

  it("places a racked server by its own units, with no chassis or bay", async () => {
    const master = await detail("db-master-01");
    expect(master.placement).toBe("racked");
    expect(master.location).toMatchObject({ site: "ORD1", room: "Room A", cabinet: "A01", uLow: 17, uHigh: 18, face: "front", chassis: null, bay: null });
    expect(master.power).toMatchObject({ via: null, assumed: false });
    expect(master.power.feeds.map((f) => f.name)).toEqual(["A", "B"]);
    expect(master.nics.filter((n) => n.kind === "nic").every((n) => n.driver === "bnx2")).toBe(true);
  });

  it("shows a chassis its sleds and a spare its stock site only", async () => {
    const chassis = await detail("chassis-a02-u07");
    expect(chassis.sleds.map((s) => [s.bay, s.hostname])).toEqual([
      [1, "redis-01"],
      [2, "redis-02"],
      [3, expect.any(String)],
      [4, expect.any(String)],
    ]);
    const spare = await detail("spare-01");
    expect(spare.placement).toBe("unplaced");
    expect(spare.location).toEqual({
      site: "ORD1",
      siteId: spare.place.site!.id,
      room: null,
      roomId: null,
      cabinet: null,
      cabinetId: null,
      uLow: null,
      uHigh: null,
      face: null,
      chassis: null,
      bay: null,
    });
    expect(spare.power).toEqual({ via: null, assumed: false, feeds: [] });
  });

  it("orders a switch's ports naturally and names what is plugged into each", async () => {
    const tor = await detail("tor-a02-a");
    const ports = tor.nics.filter((n) => n.name.startsWith("Te"));
    const numbers = ports.map((n) => Number(n.name.split("/").pop()));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const redisPort = ports.find((n) => n.cable?.peer.hostname === "redis-01");
    expect(redisPort?.cable?.peer.nic).toBe("eth0");
  });
});

describe("deviceJson (GET /api/v1/devices/{hostname})", () => {
  it("has DESIGN.md's fields with their exact names", async () => {
    const json = deviceJson(await detail("redis-01"));
    for (const key of ["hostname", "location", "model", "role", "status", "serial", "assetTag", "nics", "bonds", "cables", "power", "services"]) {
      expect(json, key).toHaveProperty(key);
    }
    expect(Object.keys(json.location)).toEqual(expect.arrayContaining(["site", "room", "cabinet", "uLow", "uHigh", "face", "chassis", "bay"]));
    expect(json).toMatchObject({ hostname: "redis-01", model: "PowerEdge C6220 sled", role: "redis", status: "active" });
    expect(json.serial).toMatch(/^[0-9B-DF-HJ-NP-TV-Z]{7}$/);
    expect(json.assetTag).toMatch(/^BC\d+$/);
    expect(json.bonds).toEqual([{ name: "bond0", mode: "802.3ad", ip: json.primaryIp, enabled: true, members: ["eth0", "eth1"] }]);
    expect(json.nics.map((n) => [n.name, n.bond])).toEqual([
      ["eth0", "bond0"],
      ["eth1", "bond0"],
      ["idrac", null],
    ]);
    expect(json.cables).toEqual([
      { nic: "eth0", switch: "tor-a02-a", switchPort: expect.stringMatching(/^Te1\/0\/\d+$/), label: expect.any(String) },
      { nic: "eth1", switch: "tor-a02-b", switchPort: expect.stringMatching(/^Te1\/0\/\d+$/), label: expect.any(String) },
      { nic: "idrac", switch: "mgmt-a", switchPort: expect.stringMatching(/^Gi\d+\/0\/\d+$/), label: expect.any(String) },
    ]);
    expect(json.power).toEqual([
      { feed: "A", cabinet: "A02", source: "UPS-1", sourceKind: "ups", via: "chassis-a02-u07", assumed: false },
      { feed: "B", cabinet: "A02", source: "UPS-2", sourceKind: "ups", via: "chassis-a02-u07", assumed: false },
    ]);
    expect(json.services).toEqual([{ name: "redis", role: "master" }]);
    expect(json).not.toHaveProperty("ports");
    // what a script gets must survive JSON as it is
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("gives the same location as GET /api/v1/locate, field for field", async () => {
    for (const hostname of ["redis-01", "db-master-01", "tor-a02-a", "spare-01"]) {
      const parsed = parseLocateQuery(hostname);
      if (!parsed.ok) throw new Error(parsed.error);
      const match = (await locate(parsed.query)).matches.find((m) => m.hostname === hostname && m.matchedOn === "hostname");
      expect(match, hostname).toBeDefined();
      expect(deviceJson(await detail(hostname)).location, hostname).toEqual(match!.location);
    }
  });

  it("shows the deliberately mis-patched bond: both cables on one TOR", async () => {
    const json = deviceJson(await detail("app-07"));
    const legs = json.cables.filter((c) => c.nic !== "idrac");
    expect(legs.map((c) => c.switch)).toEqual(["tor-a01-a", "tor-a01-a"]);
    expect(legs.map((c) => c.switchPort)).toContain("Te1/0/48");
  });

  it("lists a switch's ports with the device, Nic and label at the other end", async () => {
    const json = deviceJson(await detail("tor-a02-a"));
    expect(json.kind).toBe("switch");
    expect(json.ports?.find((p) => p.device === "redis-01")).toMatchObject({ nic: "eth0", label: expect.stringMatching(/^ORD1-A02-/) });
    // its own management port is cabled to the room's OOB switch
    expect(json.cables).toEqual([{ nic: "mgmt0", switch: "mgmt-a", switchPort: expect.any(String), label: expect.any(String) }]);
  });
});

describe("cabinet, room and site read models", () => {
  it("draws every demo cabinet without a problem, sleds in their chassis", async () => {
    const cabinet = await getCabinet({ id: (await db().cabinet.findFirstOrThrow({ where: { name: "A02" }, select: { id: true } })).id });
    expect(cabinet).not.toBeNull();
    const layout = buildRackLayout({ cabinet: { name: cabinet!.name, heightU: cabinet!.heightU }, devices: cabinet!.elevation });
    expect(layout.problems).toEqual([]);
    expect(layout.occupancy.usedU).toBe(cabinet!.uUsed);
    const chassis = cabinet!.devices.find((d) => d.hostname === "chassis-a02-u07");
    expect(chassis?.sleds.map((s) => s.hostname).slice(0, 2)).toEqual(["redis-01", "redis-02"]);
    expect(cabinet!.devices.filter((d) => d.modelKind === "switch").map((d) => d.hostname)).toEqual(["tor-a02-a", "tor-a02-b"]);

    const ids = (await db().cabinet.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
    const elevations = await listCabinetElevations({ cabinetIds: ids });
    expect(elevations.map((e) => e.id)).toEqual(ids);
    for (const e of elevations) {
      expect(buildRackLayout({ cabinet: e, devices: e.devices }).problems, e.name).toEqual([]);
    }
  });

  it("draws a cabinet the same from the elevation list as from the cabinet's own page", async () => {
    const ids = (await db().cabinet.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
    const elevations = await listCabinetElevations({ cabinetIds: ids });
    const drawn = (devices: readonly RackDeviceInput[]) =>
      [...devices].sort((a, b) => a.id - b.id).map((d) => ({ ...d, sleds: (d.sleds ?? []).map(({ id, hostname, bay }) => ({ id, hostname, bay })) }));
    let sleds = 0;
    for (const e of elevations) {
      const cabinet = await getCabinet({ id: e.id });
      expect({ name: e.name, heightU: e.heightU }).toEqual({ name: cabinet!.name, heightU: cabinet!.heightU });
      expect(drawn(e.devices), e.name).toEqual(drawn(cabinet!.elevation));
      sleds += e.devices.reduce((n, d) => n + (d.sleds?.length ?? 0), 0);
    }
    expect(sleds).toBeGreaterThan(0);
    // listed from the top of the cabinet down
    for (const e of elevations) {
      const uLows = e.devices.map((d) => d.uLow);
      expect(uLows, e.name).toEqual([...uLows].sort((a, b) => b - a));
    }
  });

  it("lists a room's cabinets in order and a site's rooms with their cabinets", async () => {
    const roomA = await db().room.findFirstOrThrow({ where: { name: "Room A" }, select: { id: true, siteId: true } });
    const room = await getRoom({ id: roomA.id });
    expect(room?.site.name).toBe("ORD1");
    expect(room?.cabinets.map((c) => c.name)).toEqual(["A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08"]);
    expect(await getRoom({ id: 999_999 })).toBeNull();

    const site = await getSite({ id: roomA.siteId });
    expect(site?.rooms.map((r) => [r.name, r.cabinets.length])).toEqual([
      ["Room A", 8],
      ["Room B", 8],
    ]);
    expect(site?.remoteHandsEmail).toContain("@");
    // racked devices and their sleds; the two spares on the shelf are not on the floor
    expect(site?.deviceCount).toBe((await db().device.count()) - 2);
  });
});

// last: it changes the demo
describe("power nobody recorded", () => {
  it("is assumed to be every feed of the cabinet, and a sled inherits the assumption from its chassis", async () => {
    await pool.query(`DELETE FROM device_power WHERE device_id = (SELECT id FROM device WHERE hostname = 'chassis-a02-u07')`);
    const redis = await detail("redis-01");
    expect(redis.power.via).toBe("chassis-a02-u07");
    expect(redis.power.assumed).toBe(true);
    expect(redis.power.feeds.map((f) => f.name)).toEqual(["A", "B"]);
    expect(deviceJson(redis).power.every((p) => p.assumed)).toBe(true);
  });
});
