// Locate against the demo datacenter in real PostgreSQL, plus a few rows of its own for what the
// demo does not have: a cable recorded switch-end first, an address stored with a prefix length,
// an unplaced device.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseLocateQuery, uniqueExactMatch } from "../domain/locate-query";
import { locate, type LocateMatch, type LocateResult } from "./locate";
import { seedDemo } from "./seed";

let pool: pg.Pool;

async function find(raw: string, limit?: number): Promise<LocateResult> {
  const parsed = parseLocateQuery(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return locate(parsed.query, limit === undefined ? {} : { limit });
}

const brief = (m: LocateMatch) => `${m.hostname} ${m.matchedOn} ${m.matchType}`;

async function one<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await pool.query<T>(sql, params);
  if (rows.length !== 1) throw new Error(`expected one row from ${sql}, got ${rows.length}`);
  return rows[0]!;
}

beforeAll(async () => {
  const url = process.env.DATABASE_URL!;
  pool = new pg.Pool({ connectionString: url });
  // other files share this database and leave their own rows behind: start from the demo, and only the demo
  await pool.query("TRUNCATE site, model, service, work_order, audit_log RESTART IDENTITY CASCADE");
  expect(await seedDemo(url)).toEqual({ seeded: true });

  // a test switch and host, unplaced, cabled switch-end first (the demo always records the server
  // as the a-end); the host's address carries a prefix length, as an import may write it
  await pool.query(`
    WITH sw AS (
      INSERT INTO device (hostname, model_id, role, serial, asset_tag, site_id)
      SELECT 'lt-switch', id, 'tor', 'LT-SW-0001', 'LT100001', (SELECT id FROM site WHERE name = 'ORD1')
      FROM model WHERE name = 'Generic 1U switch' RETURNING id
    ), host AS (
      INSERT INTO device (hostname, model_id, role, serial, asset_tag, site_id, primary_ip, oob_ip)
      SELECT 'lt-host', id, 'spare', 'LT-HOST-01', 'LT100002', (SELECT id FROM site WHERE name = 'ORD1'), '10.250.0.7/24', '10.251.0.7'
      FROM model WHERE name = 'PowerEdge R710' RETURNING id
    ), port AS (
      INSERT INTO nic (device_id, name, speed_mbps) SELECT id, 'GigabitEthernet1/0/1', 1000 FROM sw RETURNING id
    ), eth AS (
      INSERT INTO nic (device_id, name, mac, speed_mbps, ip) SELECT id, 'eth0', '0a:00:00:00:00:01', 1000, '10.250.0.7/24' FROM host RETURNING id
    )
    INSERT INTO cable (a_nic_id, b_nic_id, label) SELECT port.id, eth.id, 'LT-Cable-0001' FROM port, eth`);
});

afterAll(async () => {
  await pool.query("DELETE FROM device WHERE hostname IN ('lt-host', 'lt-switch')");
  await pool.end();
});

describe("locate by hostname", () => {
  it("puts the exact match first, then prefix matches, whatever the case typed", async () => {
    const { matches } = await find("APP-10");
    expect(brief(matches[0]!)).toBe("app-10 hostname exact");
    expect(matches[0]!.matchedValue).toBe("app-10");
    const prefix = matches.filter((m) => m.matchedOn === "hostname" && m.matchType === "prefix").map((m) => m.hostname);
    expect(prefix).toEqual(["app-100", "app-101", "app-102", "app-103", "app-104", "app-105", "app-106", "app-107", "app-108", "app-109"]);
    expect(matches.slice(1, 11).map((m) => m.hostname)).toEqual(prefix);
  });

  it("finds a hostname by a part in the middle", async () => {
    const { matches } = await find("ackup-0");
    expect(matches.map(brief)).toEqual(["db-backup-01 hostname substring"]);
  });

  it("lists substring matches after exact and prefix ones", async () => {
    const { matches } = await find("redis");
    expect(matches.map((m) => m.matchType)).toEqual(["prefix", "prefix"]);
    const { matches: tor } = await find("a01-a");
    expect(tor.map(brief)).toContain("tor-a01-a hostname substring");
  });

  it("takes LIKE wildcards literally", async () => {
    expect((await find("app_1")).matches).toEqual([]);
    expect((await find("app%")).matches).toEqual([]);
  });

  it("stops at the limit and says so", async () => {
    const result = await find("app", 5);
    expect(result.matches).toHaveLength(5);
    expect(result.truncated).toBe(true);
    expect((await find("redis")).truncated).toBe(false);
  });
});

describe("locate by service tag and asset tag", () => {
  it("finds a sled by its service tag in any case, placed by its chassis", async () => {
    const sled = await one<{ serial: string }>("SELECT serial FROM device WHERE hostname = 'redis-01'");
    const { matches } = await find(`  ${sled.serial.toLowerCase()} `);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      hostname: "redis-01",
      matchedOn: "serial",
      matchedValue: sled.serial,
      matchType: "exact",
      model: "PowerEdge C6220 sled",
      location: { site: "ORD1", room: "Room A", cabinet: "A02", uLow: 7, uHigh: 8, face: "front", chassis: "chassis-a02-u07", bay: 1 },
    });
    const cabinet = await one<{ id: number }>("SELECT c.id FROM cabinet c WHERE c.name = 'A02'");
    expect(matches[0]!.location.cabinetId).toBe(cabinet.id);
    expect(uniqueExactMatch(matches)).toBe("redis-01");
  });

  it("finds a device by its asset tag, and several by a prefix of one", async () => {
    const tor = await one<{ asset_tag: string }>("SELECT asset_tag FROM device WHERE hostname = 'tor-a01-a'");
    const { matches } = await find(tor.asset_tag.toLowerCase());
    expect(matches.map(brief)).toEqual(["tor-a01-a assetTag exact"]);
    expect(matches[0]!.location).toMatchObject({ cabinet: "A01", uLow: 42, uHigh: 42, chassis: null, bay: null });

    const some = await find("LT10000");
    expect(some.matches.map(brief)).toEqual(["lt-switch assetTag prefix", "lt-host assetTag prefix"]);
  });

  it("keeps dashes in a serial significant", async () => {
    expect((await find("lt-host-01")).matches.map(brief)).toEqual(["lt-host serial exact"]);
    expect((await find("LTHOST01")).matches).toEqual([]);
  });
});

describe("locate by MAC", () => {
  it("finds the host of a bond member by its MAC in any notation", async () => {
    const member = await one<{ mac: string }>(
      "SELECT n.mac FROM nic n JOIN device d ON d.id = n.device_id WHERE d.hostname = 'db-master-01' AND n.name = 'eth1'",
    );
    const hex = member.mac.replace(/:/g, "");
    const notations = [
      member.mac.toUpperCase(),
      member.mac.replace(/:/g, "-"),
      `${hex.slice(0, 4)}.${hex.slice(4, 8)}.${hex.slice(8)}`,
      hex.toUpperCase(),
    ];
    for (const notation of notations) {
      const { matches } = await find(notation);
      expect(matches.map(brief), notation).toEqual(["db-master-01 mac exact"]);
      expect(matches[0]).toMatchObject({ matchedValue: member.mac, nic: "eth1", peer: { hostname: expect.stringMatching(/^tor-/) } });
      expect(uniqueExactMatch(matches)).toBe("db-master-01");
    }
  });
});

describe("locate by IP", () => {
  it("finds a device by its primary IP, through the bond that carries it", async () => {
    const host = await one<{ ip: string }>("SELECT host(primary_ip) AS ip FROM device WHERE hostname = 'app-01'");
    const { matches } = await find(host.ip);
    expect(matches.map(brief)).toEqual(["app-01 ip exact"]);
    expect(matches[0]).toMatchObject({ matchedValue: host.ip, nic: "bond0" });
    // an address is not unique to a device: listed, not redirected
    expect(uniqueExactMatch(matches)).toBeNull();
  });

  it("finds a device by its out-of-band IP", async () => {
    const host = await one<{ ip: string }>("SELECT host(oob_ip) AS ip FROM device WHERE hostname = 'app-01'");
    const { matches } = await find(host.ip);
    expect(matches.map(brief)).toEqual(["app-01 oobIp exact"]);
    expect(matches[0]!.nic).toBe("idrac");
    const lt = await find("10.251.0.7");
    expect(lt.matches.map(brief)).toEqual(["lt-host oobIp exact"]);
    expect(lt.matches[0]!.nic).toBeNull();
  });

  it("finds an address stored with a prefix length, and a query with one", async () => {
    expect((await find("10.250.0.7")).matches.map(brief)).toEqual(["lt-host ip exact"]);
    expect((await find("10.250.0.7/16")).matches.map((m) => m.matchedValue)).toEqual(["10.250.0.7"]);
  });

  it("says where an unplaced device is kept", async () => {
    const { matches } = await find("10.250.0.7");
    expect(matches[0]!.location).toEqual({
      site: "ORD1",
      siteId: expect.any(Number),
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
  });
});

describe("locate by cable label", () => {
  it("returns both ends of a cable, the server before the switch", async () => {
    const cable = await one<{ label: string }>(
      `SELECT c.label FROM cable c JOIN nic n ON n.id = c.a_nic_id JOIN device d ON d.id = n.device_id
        WHERE d.hostname = 'app-07' AND n.name = 'eth0'`,
    );
    const { matches } = await find(cable.label.toLowerCase());
    expect(matches.map(brief)).toEqual(["app-07 cableLabel exact", "tor-a01-a cableLabel exact"]);
    expect(matches[0]).toMatchObject({ matchedValue: cable.label, nic: "eth0", peer: { hostname: "tor-a01-a" } });
    expect(uniqueExactMatch(matches)).toBeNull();
  });

  it("puts the non-switch end first when the cable was recorded switch-end first", async () => {
    const { matches } = await find("LT-CABLE-0001");
    expect(matches.map(brief)).toEqual(["lt-host cableLabel exact", "lt-switch cableLabel exact"]);
    expect(matches.map((m) => m.nic)).toEqual(["eth0", "GigabitEthernet1/0/1"]);
  });

  it("finds labels by a part, both ends together", async () => {
    const { matches } = await find("A01-000");
    const labels = matches.filter((m) => m.matchedOn === "cableLabel");
    expect(labels.length).toBeGreaterThan(4);
    expect(labels.every((m) => m.matchType === "substring" && m.matchedValue.includes("A01-000"))).toBe(true);
    // ends of one cable sit next to each other
    for (let i = 0; i < labels.length; i += 2) expect(labels[i]!.matchedValue).toBe(labels[i + 1]!.matchedValue);
  });
});

describe("locate by switch port", () => {
  it("returns the device plugged into a TOR port", async () => {
    const { matches } = await find("tor-a01-a Te1/0/48");
    expect(matches.map(brief)).toEqual(["app-07 switchPort exact"]);
    expect(matches[0]).toMatchObject({ matchedValue: "tor-a01-a Te1/0/48", nic: "eth1", peer: { hostname: "tor-a01-a", nic: "Te1/0/48" } });
    expect(uniqueExactMatch(matches)).toBe("app-07");
  });

  it("reads the port in any case and in its long or short form", async () => {
    const first = await find("TOR-A01-A te1/0/1");
    expect(first.matches).toHaveLength(1);
    expect((await find("tor-a01-a TenGigabitEthernet1/0/1")).matches).toEqual(first.matches);
    expect((await find("lt-switch Gi1/0/1")).matches.map(brief)).toEqual(["lt-host switchPort exact"]);
  });

  it("finds nothing on a port with no cable", async () => {
    expect((await find("tor-a01-a Te1/0/47")).matches).toEqual([]);
  });
});
