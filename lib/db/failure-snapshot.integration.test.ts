// The failure-domain snapshot read from real PostgreSQL, on the demo datacenter in a scratch database of
// this file's own (other files truncate the shared one): the loader gives the engine what it expects, the
// demo's deliberate mistakes come out as DESIGN.md says they must, and the scoped snapshots of the device,
// cabinet and service pages agree with the full one.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/test-database";
import { planDatacenter } from "../demo/datacenter-plan";
import { cabinetFindings } from "../domain/cabinet-findings";
import { filterFindings, findings } from "../domain/findings";
import { indexSnapshot, type SnapshotIndex } from "../domain/failure-snapshot";
import { computeImpactForRefs } from "../domain/impact";
import { hardDependencies, serviceSpofs, sharedDomains } from "../domain/spof";
import { db } from "./client";
import { searchFailureDomains } from "./failure-domains";
import {
  closeSnapshotPools,
  forgetFailureIndexes,
  loadCabinetSnapshot,
  loadDeviceSnapshot,
  loadFailureSnapshot,
  loadServiceSnapshot,
  readFailureIndex,
  withSnapshotTransaction,
} from "./failure-snapshot";
import { listCabinetFindingsAll, listFindings, listFindingsForCabinet, listFindingsForDevice } from "./findings";
import { seedDemo } from "./seed";
import { createHandsWorkOrder } from "./what-if";

const TIMEOUT = 180_000;
const mistakes = planDatacenter().deliberateMistakes!;
let database: TestDatabase;
let sharedUrl: string | undefined;
let sql: pg.Pool;
let index: SnapshotIndex;

beforeAll(async () => {
  database = await createTestDatabase("rackmap_fd");
  expect(await seedDemo(database.url)).toEqual({ seeded: true });
  // every lib/db function of this file reads the scratch database
  sharedUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  sql = new pg.Pool({ connectionString: database.url, max: 2 });
  index = indexSnapshot(await loadFailureSnapshot());
}, TIMEOUT);

afterAll(async () => {
  await closeSnapshotPools();
  await sql?.end();
  await db().$disconnect();
  process.env.DATABASE_URL = sharedUrl;
  await database?.drop();
}, TIMEOUT);

async function count(table: string, where = ""): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" ${where}`);
  return rows[0]!.n;
}

const hostId = (hostname: string) => index.deviceByHostname.get(hostname)!.id;

describe("loadFailureSnapshot", () => {
  it("reads every row of every table the engine needs, and indexes without a dangling reference", async () => {
    const { snapshot } = index;
    expect(snapshot.sites).toHaveLength(await count("site"));
    expect(snapshot.rooms).toHaveLength(await count("room"));
    expect(snapshot.cabinets).toHaveLength(await count("cabinet"));
    expect(snapshot.powerSources).toHaveLength(await count("power_source"));
    expect(snapshot.powerFeeds).toHaveLength(await count("power_feed"));
    expect(snapshot.models).toHaveLength(await count("model"));
    expect(snapshot.devices).toHaveLength(await count("device"));
    expect(snapshot.nics).toHaveLength(await count("nic"));
    expect(snapshot.services).toHaveLength(await count("service"));
    expect(snapshot.devices.reduce((n, d) => n + d.feedIds.length, 0)).toBe(await count("device_power"));
    expect(snapshot.services.reduce((n, s) => n + s.members.length, 0)).toBe(await count("service_member"));
    expect(snapshot.cabinets.reduce((n, c) => n + c.feedIds.length, 0)).toBe(await count("power_feed"));
    // each cable is carried by one end and made symmetric by the index
    expect(snapshot.nics.filter((n) => n.peerNicId !== null)).toHaveLength(await count("cable"));
    expect(index.peerOfNic.size).toBe(2 * (await count("cable")));
  });

  it("maps columns the way the engine reads them: kinds from the model, sleds by their chassis, bare oob addresses", async () => {
    const [redis1, redis2] = mistakes.redisInOneChassis.hostnames;
    const sled = index.nodeByDeviceId.get(hostId(redis1!))!;
    expect(sled.device).toMatchObject({ kind: "sled", cabinetId: null, bay: 1, status: "active" });
    expect(sled.chassis?.hostname).toBe(mistakes.redisInOneChassis.chassis);
    expect(sled.cabinet?.name).toBe("A02");
    expect(sled.room?.name).toBe("Room A");
    expect(sled.powerOrigin).toBe("chassis");
    expect(sled.device.oobIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const { rows } = await sql.query<{ oob: string }>("SELECT host(oob_ip) AS oob FROM device WHERE hostname = $1", [redis2]);
    expect(index.deviceByHostname.get(redis2!)?.oobIp).toBe(rows[0]!.oob);
    const tor = index.deviceByHostname.get("tor-a01-a")!;
    expect(tor.kind).toBe("switch");
    expect(tor.uLow).toBe(42);
    expect(index.nodeByDeviceId.get(tor.id)!.power).toHaveLength(2);
    const app = index.nodeByDeviceId.get(hostId("app-01"))!;
    expect(app.paths.map((p) => [p.nic.name, p.nic.driver, p.peer.hostname]).sort()).toEqual([
      ["eth0", "ixgbe", "tor-a01-a"],
      ["eth1", "ixgbe", "tor-a01-b"],
    ]);
    const spare = index.deviceByHostname.get("spare-01")!;
    expect(spare).toMatchObject({ status: "inventory", cabinetId: null, chassisId: null });
  });

  it("reads in one REPEATABLE READ, READ ONLY transaction: a write committed meanwhile is not seen", async () => {
    const seen = await withSnapshotTransaction(async (client) => {
      const settings = await client.query<{ iso: string; ro: string }>(
        "SELECT current_setting('transaction_isolation') AS iso, current_setting('transaction_read_only') AS ro",
      );
      const before = (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM site")).rows[0]!.n;
      await sql.query("INSERT INTO site (name) VALUES ('SCRATCH-SITE')");
      const after = (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM site")).rows[0]!.n;
      return { ...settings.rows[0]!, before, after };
    });
    await sql.query("DELETE FROM site WHERE name = 'SCRATCH-SITE'");
    expect(seen).toEqual({ iso: "repeatable read", ro: "on", before: 1, after: 1 });
  });
});

describe("readFailureIndex", () => {
  const TABLES = ["site", "room", "power_source", "cabinet", "power_feed", "model", "device", "device_power", "nic", "cable", "service", "service_member"];

  it("every table the snapshot reads records its writers", async () => {
    const { rows } = await sql.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE t.tgname = c.relname || '_changed' AND t.tgfoid = 'inventory_changed'::regproc`,
    );
    expect(rows.map((r) => r.table).sort()).toEqual([...TABLES].sort());
  });

  it("keeps the index while nothing changes, and reads again once any change has committed", async () => {
    forgetFailureIndexes();
    const first = await readFailureIndex();
    expect(first.reused).toBe(false);
    const again = await readFailureIndex();
    expect(again).toMatchObject({ reused: true });
    expect(again.index).toBe(first.index);

    const nicId = first.index.snapshot.nics.find((n) => n.deviceId === hostId("app-01") && n.name === "eth1")!.id;
    const writer = await sql.connect();
    try {
      // in progress: not the committed state yet, so the kept index is still right
      await writer.query("BEGIN");
      await writer.query("UPDATE nic SET enabled = false WHERE id = $1", [nicId]);
      const during = await readFailureIndex();
      expect(during.reused).toBe(true);
      await writer.query("ROLLBACK");
      expect((await readFailureIndex()).reused).toBe(true);

      await writer.query("BEGIN");
      await writer.query("UPDATE nic SET enabled = false WHERE id = $1", [nicId]);
      await writer.query("COMMIT");
      const after = await readFailureIndex();
      expect(after.reused).toBe(false);
      expect(after.index.nicById.get(nicId)?.enabled).toBe(false);
      expect((await readFailureIndex()).index).toBe(after.index);
    } finally {
      await writer.query("UPDATE nic SET enabled = true WHERE id = $1", [nicId]);
      writer.release();
    }
    const restored = await readFailureIndex();
    expect(restored.reused).toBe(false);
    expect(restored.index.nicById.get(nicId)?.enabled).toBe(true);
  });

  it("reads its extra queries from the same state, reused or not", async () => {
    const { extra } = await readFailureIndex({
      extra: async (client) => (await client.query<{ iso: string }>("SELECT current_setting('transaction_isolation') AS iso")).rows[0]!.iso,
    });
    expect(extra).toBe("repeatable read");
  });
});

describe("the demo's deliberate mistakes", () => {
  it("basecamp-db: master, slave and backup on one NIC driver make nic_driver:bnx2 a SPOF", () => {
    const service = index.serviceByName.get(mistakes.databaseOnOneDriver.service)!;
    const spofs = serviceSpofs(index, service);
    const driver = spofs.spofs.find((s) => s.ref === `nic_driver:${mistakes.databaseOnOneDriver.driver}`);
    expect(driver).toMatchObject({ group: "fleet", members: [...mistakes.databaseOnOneDriver.hostnames].sort() });
    expect(spofs.fleet).toContain("nic_driver:bnx2");
    // and they are otherwise apart: no cabinet, room or chassis in common
    expect(spofs.physical.filter((r) => /^(cabinet|room|device):/.test(r))).toEqual([]);
    const impact = computeImpactForRefs(index, ["nic_driver:bnx2"]);
    expect(impact.ok && impact.impact.services.find((s) => s.name === "basecamp-db")?.state).toBe("outage");
  });

  it("redis: two sleds of one chassis make the chassis a SPOF, and the advice says to move one", () => {
    const service = index.serviceByName.get(mistakes.redisInOneChassis.service)!;
    const spofs = serviceSpofs(index, service);
    expect(spofs.physical).toContain(`device:${mistakes.redisInOneChassis.chassis}`);
    expect(spofs.spofs.find((s) => s.ref === `device:${mistakes.redisInOneChassis.chassis}`)?.members).toEqual(
      [...mistakes.redisInOneChassis.hostnames].sort(),
    );
    expect(sharedDomains(index, service).map((d) => d.ref)).toContain(`device:${mistakes.redisInOneChassis.chassis}`);
  });

  it("a bond with both legs on one TOR: that TOR alone takes the server down, and it is a finding", async () => {
    const { hostname, switch: tor } = mistakes.bondOnOneSwitch;
    expect(hardDependencies(index, hostId(hostname))).toContain(`device:${tor}`);
    // its neighbours, bonded across both TORs, do not depend on either
    expect(hardDependencies(index, hostId("app-01"))).not.toContain(`device:${tor}`);
    const impact = computeImpactForRefs(index, [`device:${tor}`]);
    expect(impact.ok && impact.impact.down.find((d) => d.hostname === hostname)?.reasons).toEqual([`both uplinks lost: ${tor} down`]);
    const finding = { hostname, kind: "bond_single_switch", message: expect.stringContaining(`reach ${tor}`) };
    expect(await listFindingsForDevice(hostname)).toEqual([expect.objectContaining(finding)]);
    expect((await listFindings()).devices).toContainEqual(expect.objectContaining(finding));
  });

  it("a cabinet whose A and B feeds come from one UPS is a cabinet finding", async () => {
    const { cabinet, source, site } = mistakes.cabinetOnOneSource;
    const found = (await listFindings()).cabinets;
    expect(found).toEqual([expect.objectContaining({ cabinet: `${site}/${cabinet}`, sourceRef: `power_source:${site}/${source}` })]);
    const cabinetId = index.snapshot.cabinets.find((c) => c.name === cabinet)!.id;
    expect((await listCabinetFindingsAll(cabinetId)).cabinet).toHaveLength(1);
  });
});

describe("scoped snapshots agree with the full one", () => {
  const full = () => findings(index);

  it("every device's findings and hard dependencies", async () => {
    const all = full();
    for (const device of index.snapshot.devices) {
      const scoped = await loadDeviceSnapshot(device.hostname);
      expect(scoped?.deviceId).toBe(device.id);
      expect(filterFindings(findings(scoped!.index), { deviceId: device.id }), device.hostname).toEqual(
        filterFindings(all, { deviceId: device.id }),
      );
      expect([...hardDependencies(scoped!.index, device.id)].sort(), device.hostname).toEqual([...hardDependencies(index, device.id)].sort());
    }
    expect(await loadDeviceSnapshot("no-such-host")).toBeNull();
    expect(await listFindingsForDevice("no-such-host")).toEqual([]);
  }, TIMEOUT);

  it("every cabinet's findings, sleds of its chassis included", async () => {
    const all = full();
    for (const cabinet of index.snapshot.cabinets) {
      expect(await listFindingsForCabinet(cabinet.id), cabinet.name).toEqual(filterFindings(all, { cabinetId: cabinet.id }));
      const scoped = await loadCabinetSnapshot(cabinet.id);
      expect(cabinetFindings(scoped).filter((f) => f.cabinetId === cabinet.id)).toEqual(
        cabinetFindings(index).filter((f) => f.cabinetId === cabinet.id),
      );
    }
    const app07 = index.nodeByDeviceId.get(hostId(mistakes.bondOnOneSwitch.hostname))!;
    expect((await listFindingsForCabinet(app07.cabinet!.id)).map((f) => f.hostname)).toContain(mistakes.bondOnOneSwitch.hostname);
  }, TIMEOUT);

  it("every service's SPOFs and shared domains", async () => {
    for (const service of index.snapshot.services) {
      const scoped = await loadServiceSnapshot(service.name);
      const own = scoped!.serviceByName.get(service.name)!;
      expect(serviceSpofs(scoped!, own), service.name).toEqual(serviceSpofs(index, service));
      expect(sharedDomains(scoped!, own), service.name).toEqual(sharedDomains(index, service));
    }
    expect(await loadServiceSnapshot("no-such-service")).toBeNull();
  }, TIMEOUT);
});

describe("searchFailureDomains", () => {
  it("finds domains of every type by a fragment, best first", async () => {
    const refs = (await searchFailureDomains({ q: "a01" })).map((d) => d.ref);
    expect(refs).toEqual(expect.arrayContaining(["cabinet:ORD1/A01", "power_feed:ORD1/A01/A", "device:tor-a01-a", "device:tor-a01-b"]));
    expect(refs.indexOf("cabinet:ORD1/A01")).toBeLessThan(refs.indexOf("device:tor-a01-a"));
    expect((await searchFailureDomains({ q: "bnx" })).map((d) => d.ref)).toEqual(["nic_driver:bnx2", "nic_driver:bnx2x"]);
    expect((await searchFailureDomains({ q: "Room" })).map((d) => d.ref)).toEqual(["room:ORD1/Room A", "room:ORD1/Room B"]);
  });

  it("narrows to a type when the fragment starts with one, and every suggestion resolves", async () => {
    const cabinets = await searchFailureDomains({ q: "Cabinet:a0", limit: 50 });
    expect(cabinets.map((d) => d.ref)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `cabinet:ORD1/A0${n}`));
    const power = await searchFailureDomains({ q: "power-source:", limit: 50 });
    expect(power.map((d) => d.ref)).toEqual(["power_source:ORD1/UPS-1", "power_source:ORD1/UPS-2", "power_source:ORD1/UPS-3", "power_source:ORD1/UPS-4"]);
    const resolved = computeImpactForRefs(index, [...cabinets, ...power, ...(await searchFailureDomains({ q: "c62" }))].map((d) => d.ref));
    expect(resolved.ok).toBe(true);
  });

  it("treats LIKE wildcards as text and answers nothing for nothing", async () => {
    expect(await searchFailureDomains({ q: "%" })).toEqual([]);
    expect(await searchFailureDomains({ q: "_" })).toEqual([]);
    expect(await searchFailureDomains({ q: "   " })).toEqual([]);
  });
});

describe("createHandsWorkOrder", () => {
  const actor = { type: "system" as const, id: null, label: "integration test" };

  it("makes a work order of power-cycles from the hosts that need hands, in walking order, with its audit row", async () => {
    const refs = ["device:tor-a01-a", "device:tor-a01-b", "device:mgmt-a"];
    const impact = computeImpactForRefs(index, refs);
    if (!impact.ok) throw new Error("scenario does not resolve");
    const result = await createHandsWorkOrder({ refs, scenarioUrl: "http://rackmap.test/what-if", createdById: null, actor });
    expect(result).toEqual({ ok: true, id: expect.any(Number), items: impact.impact.needsHands.length });
    if (!result.ok) return;
    const { rows: order } = await sql.query<{ title: string; instructions: string }>("SELECT title, instructions FROM work_order WHERE id = $1", [result.id]);
    expect(order[0]!.title).toBe("Power-cycle: device:tor-a01-a, device:tor-a01-b, device:mgmt-a failed");
    expect(order[0]!.instructions).toContain("http://rackmap.test/what-if");
    const { rows: items } = await sql.query<{ hostname: string; action: string; note: string }>(
      "SELECT d.hostname, i.action::text, i.note FROM work_order_item i JOIN device d ON d.id = i.device_id WHERE i.work_order_id = $1",
      [result.id],
    );
    expect(items.map((i) => i.hostname).sort()).toEqual(impact.impact.needsHands.map((h) => h.hostname).sort());
    expect(new Set(items.map((i) => i.action))).toEqual(new Set(["power_cycle"]));
    expect(items.find((i) => i.hostname === "app-01")?.note).toBe("both uplinks lost: tor-a01-a, tor-a01-b down; out-of-band switch mgmt-a down");
    const { rows: audit } = await sql.query<{ action: string; actor_label: string }>(
      "SELECT action, actor_label FROM audit_log WHERE object_type = 'work_order' AND object_id = $1",
      [String(result.id)],
    );
    expect(audit).toEqual([{ action: "create", actor_label: "integration test" }]);
  });

  it("refuses an unknown domain, naming it, and a scenario where nobody needs hands, writing nothing", async () => {
    const before = await count("work_order");
    expect(await createHandsWorkOrder({ refs: ["cabinet:ORD1/Z99"], scenarioUrl: "", createdById: null, actor })).toEqual({
      ok: false,
      error: "cabinet:ORD1/Z99 matches no cabinet",
    });
    const onlyTors = await createHandsWorkOrder({ refs: ["device:tor-a01-a", "device:tor-a01-b"], scenarioUrl: "", createdById: null, actor });
    expect(onlyTors).toMatchObject({ ok: false, error: expect.stringContaining("No host in this scenario needs hands") });
    expect(await count("work_order")).toBe(before);
  });
});
