// The demo and the generator written into real, freshly migrated PostgreSQL databases of their own
// (created beside DATABASE_URL's and dropped afterwards), so every constraint and trigger of the
// migration checks every row, and the shared test database is left untouched.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/test-database";
import { planDatacenter } from "../demo/datacenter-plan";
import { generateDatacenter, SeedError, seedDemo } from "./seed";

const TIMEOUT = 120_000;
const scratch: TestDatabase[] = [];

async function freshDatabase(): Promise<TestDatabase> {
  if (!process.env.DATABASE_URL && !process.env.TEST_DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: the integration tests need a PostgreSQL server to create scratch databases on");
  }
  const database = await createTestDatabase("rackmap_seed");
  scratch.push(database);
  return database;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function counts(url: string): Promise<Record<string, number>> {
  const tables = ["site", "room", "power_source", "cabinet", "power_feed", "model", "device", "device_power", "nic", "cable", "service", "service_member"];
  const [row] = await query<Record<string, number>>(url, `SELECT ${tables.map((t) => `(SELECT count(*)::int FROM "${t}") AS ${t}`).join(", ")}`);
  return row!;
}

afterAll(async () => {
  await Promise.all(scratch.map((d) => d.drop()));
}, TIMEOUT);

describe("seedDemo", () => {
  let url: string;
  const demo = planDatacenter();

  beforeAll(async () => {
    url = (await freshDatabase()).url;
  }, TIMEOUT);

  it("writes the whole demo on first start, and nothing the second time", async () => {
    expect(await seedDemo(url)).toEqual({ seeded: true });
    const first = await counts(url);
    expect(first).toEqual({
      site: 1,
      room: 2,
      power_source: 4,
      cabinet: 16,
      power_feed: 32,
      model: demo.models.length,
      device: demo.devices.length,
      device_power: demo.devicePower.length,
      nic: demo.nics.length,
      cable: demo.cables.length,
      service: 9,
      service_member: demo.serviceMembers.length,
    });
    expect(await seedDemo(url)).toEqual({ seeded: false });
    expect(await counts(url)).toEqual(first);
  }, TIMEOUT);

  it("stores the deliberate mistakes where the failure-domain views will look", async () => {
    // (1) both legs of app-07's bond end on one switch
    const legs = await query<{ switch: string }>(
      url,
      `SELECT sw.hostname AS switch FROM device d JOIN nic m ON m.device_id = d.id AND m.bond_id IS NOT NULL
         JOIN cable c ON m.id IN (c.a_nic_id, c.b_nic_id)
         JOIN nic o ON o.id = CASE WHEN c.a_nic_id = m.id THEN c.b_nic_id ELSE c.a_nic_id END
         JOIN device sw ON sw.id = o.device_id
        WHERE d.hostname = 'app-07'`,
    );
    expect(legs.map((l) => l.switch)).toEqual(["tor-a01-a", "tor-a01-a"]);
    // (2) the redis pair share a chassis
    const redis = await query<{ chassis: string }>(
      url,
      `SELECT DISTINCT ch.hostname AS chassis FROM service s JOIN service_member m ON m.service_id = s.id
         JOIN device d ON d.id = m.device_id JOIN device ch ON ch.id = d.chassis_id WHERE s.name = 'redis'`,
    );
    expect(redis).toEqual([{ chassis: "chassis-a02-u07" }]);
    // (3) every data Nic of basecamp-db is bnx2
    const drivers = await query<{ driver: string; nics: number }>(
      url,
      `SELECT n.driver, count(*)::int AS nics FROM service s JOIN service_member m ON m.service_id = s.id
         JOIN nic n ON n.device_id = m.device_id AND n.kind = 'nic' WHERE s.name = 'basecamp-db' GROUP BY n.driver`,
    );
    expect(drivers).toEqual([{ driver: "bnx2", nics: 6 }]);
    // (4) B04's two feeds come from one UPS
    const sources = await query<{ source: string }>(
      url,
      `SELECT DISTINCT ps.name AS source FROM cabinet c JOIN power_feed f ON f.cabinet_id = c.id
         JOIN power_source ps ON ps.id = f.source_id WHERE c.name = 'B04'`,
    );
    expect(sources).toEqual([{ source: "UPS-3" }]);
  }, TIMEOUT);

  it("lets the database's triggers fill what they own (u_height, a racked device's site)", async () => {
    const [row] = await query<{ sleds_with_height: number; racked_without_site: number; chassis_height: number }>(
      url,
      `SELECT (SELECT count(*)::int FROM device WHERE chassis_id IS NOT NULL AND u_height <> 0) AS sleds_with_height,
              (SELECT count(*)::int FROM device WHERE cabinet_id IS NOT NULL AND site_id IS NULL) AS racked_without_site,
              (SELECT u_height FROM device WHERE hostname = 'chassis-a01-u01') AS chassis_height`,
    );
    expect(row).toEqual({ sleds_with_height: 0, racked_without_site: 0, chassis_height: 3 });
  }, TIMEOUT);
});

describe("generateDatacenter", () => {
  let url: string;

  beforeAll(async () => {
    url = (await freshDatabase()).url;
  }, TIMEOUT);

  it("writes about the number of devices asked for, in one go", async () => {
    const lines: string[] = [];
    const summary = await generateDatacenter({ connectionString: url, devices: 2000, log: (l) => lines.push(l) });
    expect(Math.abs(summary.devices - 2000) / 2000).toBeLessThan(0.05);
    expect(summary.seconds).toBeGreaterThan(0);
    expect(lines.length).toBeGreaterThan(0);
    const stored = await counts(url);
    expect(stored).toMatchObject({
      site: summary.sites,
      cabinet: summary.cabinets,
      device: summary.devices,
      device_power: summary.devicePower,
      nic: summary.nics,
      cable: summary.cables,
      service: summary.services,
      service_member: summary.serviceMembers,
    });
    expect(stored.site).toBeGreaterThan(1);
  }, TIMEOUT);

  it("refuses a database that already has devices, and changes nothing", async () => {
    const before = await counts(url);
    await expect(generateDatacenter({ connectionString: url, devices: 100 })).rejects.toThrow(SeedError);
    await expect(generateDatacenter({ connectionString: url, devices: 100 })).rejects.toThrow(/already has \d+ device/);
    expect(await counts(url)).toEqual(before);
    expect(await seedDemo(url)).toEqual({ seeded: false });
  }, TIMEOUT);
});
