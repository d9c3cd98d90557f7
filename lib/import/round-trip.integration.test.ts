// Export -> import is a no-op, on the whole demo datacenter: every kind exported and imported back
// leaves every row unchanged and writes no audit entry; and the six files rebuild the same
// inventory in an empty database, byte for byte on the next export. Scratch databases of their own,
// so the shared test database is left alone.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/test-database";
import { closeImportConnections } from "../db/import-sql";
import { seedDemo } from "../db/seed";
import { exportCsv } from "./export";
import { IMPORT_KINDS, KIND_FORMATS } from "./kinds";
import { importCsv } from "./run";

const TIMEOUT = 180_000;
const actor = { type: "cli" as const, id: null, label: "round-trip test" };
let demo: TestDatabase;
let empty: TestDatabase;
const exported: Record<string, string> = {};

async function auditRows(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log")).rows[0]!.n;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  demo = await createTestDatabase("rackmap_roundtrip");
  empty = await createTestDatabase("rackmap_rebuild");
  await seedDemo(demo.url);
  for (const kind of IMPORT_KINDS) exported[kind] = await exportCsv(kind, { connectionString: demo.url });
}, TIMEOUT);

afterAll(async () => {
  await closeImportConnections();
  await Promise.all([demo?.drop(), empty?.drop()]);
}, TIMEOUT);

describe("export", () => {
  it("writes each kind's columns, sorted by key, with speeds as 1G/10G and a sled's place as chassis + bay", () => {
    for (const kind of IMPORT_KINDS) expect(exported[kind]!.split("\r\n")[0]).toBe(KIND_FORMATS[kind].columns.join(","));
    const devices = exported.devices!.trim().split("\r\n").slice(1);
    const hostnames = devices.map((line) => line.split(",")[0]!);
    expect(hostnames).toEqual([...hostnames].sort());
    const redis = devices.find((line) => line.startsWith("redis-01,"))!.split(",");
    // site, cabinet, u, face empty; chassis and bay given
    expect(redis.slice(6, 12)).toEqual(["", "", "", "", "chassis-a02-u07", "1"]);
    expect(exported.nics).toMatch(/\r\nredis-01,eth0,nic,[0-9a-f:]{17},10G,(ixgbe|bnx2x),bond0,,true,\r\n/);
    expect(exported.cabinets).toContain("\r\nORD1,B04,Room B,42,A:UPS-3;B:UPS-3\r\n");
  });
});

describe("export -> import", () => {
  it.each(IMPORT_KINDS)("leaves every %s row unchanged and writes nothing", async (kind) => {
    const audit = await auditRows(demo.url);
    const report = await importCsv({ kind, content: exported[kind]!, dryRun: false, actor, connectionString: demo.url });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ ok: true, created: 0, updated: 0, alsoCreated: [] });
    expect(report.unchanged).toBe(report.rows);
    expect(report.rows).toBeGreaterThan(0);
    expect(await auditRows(demo.url)).toBe(audit);
  }, TIMEOUT);

  it("rebuilds the same inventory in an empty database, file by file", async () => {
    for (const kind of IMPORT_KINDS) {
      const report = await importCsv({ kind, content: exported[kind]!, dryRun: false, actor, connectionString: empty.url });
      expect(report.errors, kind).toEqual([]);
      // a new database already holds the models Rackmap ships with, and the demo uses only those
      if (kind === "models") expect(report.unchanged, kind).toBe(report.rows);
      else expect(report.created, kind).toBe(report.rows);
    }
    for (const kind of IMPORT_KINDS) expect(await exportCsv(kind, { connectionString: empty.url }), kind).toBe(exported[kind]);
  }, TIMEOUT);
});
