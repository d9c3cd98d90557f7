// The route handlers of POST /api/v1/impact, GET /api/v1/spof, GET /api/v1/monitoring/nagios and
// GET /api/v1/failure-domains, called as Next calls them, on the demo datacenter in a scratch database of
// this file's own. Authorization is stubbed to a viewer here: e2e/access-matrix.spec.ts asks the real thing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { planDatacenter } from "../lib/demo/datacenter-plan";
import { db } from "../lib/db/client";
import { closeSnapshotPools } from "../lib/db/failure-snapshot";
import { seedDemo } from "../lib/db/seed";
import { createTestDatabase, type TestDatabase } from "./test-database";

vi.mock("next/server", () => ({ connection: async () => {} }));
vi.mock("@/lib/api/respond", () => ({
  apiError: (status: number, code: string, message: string, extra?: Record<string, unknown>) =>
    Response.json({ error: { code, message, ...extra } }, { status }),
  authorizeApi: async () => ({ viewer: { kind: "api_token", id: "1", name: "test", role: "viewer" } }),
}));

const { POST: impact } = await import("../app/api/v1/impact/route");
const { GET: spof } = await import("../app/api/v1/spof/route");
const { GET: nagios } = await import("../app/api/v1/monitoring/nagios/route");
const { GET: domains } = await import("../app/api/v1/failure-domains/route");

const TIMEOUT = 180_000;
const mistakes = planDatacenter().deliberateMistakes!;
let database: TestDatabase;
let sharedUrl: string | undefined;

beforeAll(async () => {
  database = await createTestDatabase("rackmap_fdapi");
  await seedDemo(database.url);
  sharedUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
}, TIMEOUT);

afterAll(async () => {
  await closeSnapshotPools();
  await db().$disconnect();
  process.env.DATABASE_URL = sharedUrl;
  await database?.drop();
}, TIMEOUT);

function post(body: string): Request {
  return new Request("http://rackmap.test/api/v1/impact", { method: "POST", body, headers: { "Content-Type": "application/json" } });
}

describe("POST /api/v1/impact", () => {
  it("answers down, degraded, needs hands and every service, with DESIGN.md's field names", async () => {
    const response = await impact(post(JSON.stringify({ failed: ["device:tor-a01-a", "device:tor-a01-b", "device:mgmt-a"] })));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(["degraded", "down", "failed", "needsHands", "services"]);
    expect(body.down).toContainEqual(
      expect.objectContaining({ hostname: "app-01", reasons: ["both uplinks lost: tor-a01-a, tor-a01-b down"] }),
    );
    expect(body.down).toContainEqual(expect.objectContaining({ hostname: "tor-a01-a", reasons: ["device tor-a01-a failed"] }));
    const hands = body.needsHands as { hostname: string; reasons: string[]; handsReasons: string[]; cabinet: string; uLow: number }[];
    expect(hands.map((h) => h.hostname).slice(0, 3)).toEqual(["tor-a01-a", "tor-a01-b", "mgmt-a"]);
    expect(hands.find((h) => h.hostname === "app-01")).toMatchObject({
      reasons: ["both uplinks lost: tor-a01-a, tor-a01-b down"],
      handsReasons: ["out-of-band switch mgmt-a down"],
      site: "ORD1",
      room: "Room A",
      cabinet: "A01",
    });
    // walking order: from the top of the cabinet down
    const us = hands.map((h) => h.uLow);
    expect([...us].sort((a, b) => b - a)).toEqual(us);
    const services = body.services as { name: string; state: string; up: number; total: number }[];
    expect(services.map((s) => s.name)).toEqual(["api", "app", "basecamp-db", "dns", "elasticsearch", "jobs", "memcache", "redis", "solr"]);
    expect(services.find((s) => s.name === "basecamp-db")).toMatchObject({ state: "at_risk", up: 2, total: 3 });
    expect(services.find((s) => s.name === "dns")).toMatchObject({ state: "ok" });
    for (const service of services) expect(["ok", "at_risk", "outage"]).toContain(service.state);
  });

  it("says outage when a service loses every member: the Dec 4 driver bug", async () => {
    const body = await (await impact(post(JSON.stringify({ failed: ["nic_driver:bnx2"] })))).json();
    expect(body.services.find((s: { name: string }) => s.name === "basecamp-db")).toMatchObject({ state: "outage", up: 0, total: 3 });
    expect(body.down.map((d: { hostname: string }) => d.hostname)).toEqual(expect.arrayContaining(mistakes.databaseOnOneDriver.hostnames));
    expect(body.down.find((d: { hostname: string }) => d.hostname === "db-master-01").reasons).toEqual(["nic driver bnx2 failed"]);
  });

  it("is a 400 naming every unknown or malformed domain", async () => {
    const response = await impact(post(JSON.stringify({ failed: ["cabinet:ORD1/Z99", "rack:A01", "device:tor-a01-a"] })));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("unknown_domain");
    expect(body.error.message).toContain("cabinet:ORD1/Z99 matches no cabinet");
    expect(body.error.message).toContain('unknown failure domain type "rack"');
    expect(body.error.domains.map((d: { ref: string }) => d.ref)).toEqual(["cabinet:ORD1/Z99", "rack:A01"]);
  });

  it("is a 400 for a body that is not JSON or not the shape", async () => {
    for (const body of ["not json", "{}", '{"failed": "cabinet:ORD1/A01"}', '{"failed": [12]}', "[]"]) {
      const response = await impact(post(body));
      expect(response.status, body).toBe(400);
      expect((await response.json()).error.code, body).toBe("bad_request");
    }
  });
});

describe("GET /api/v1/spof", () => {
  it("lists every service with its state and its SPOFs as type:key", async () => {
    const response = await spof(new Request("http://rackmap.test/api/v1/spof"));
    expect(response.status).toBe(200);
    const { services } = (await response.json()) as { services: { name: string; state: string; spofs: string[]; fleet: string[] }[] };
    expect(services).toHaveLength(9);
    const byName = new Map(services.map((s) => [s.name, s]));
    expect(byName.get("basecamp-db")?.spofs).toContain("nic_driver:bnx2");
    expect(byName.get("basecamp-db")?.fleet).toContain("nic_driver:bnx2");
    expect(byName.get("redis")?.spofs).toContain(`device:${mistakes.redisInOneChassis.chassis}`);
    expect(byName.get("dns")?.spofs).not.toContain("nic_driver:bnx2");
    for (const service of services) {
      expect(service.state).toBe("ok");
      for (const ref of service.spofs) expect(ref).toMatch(/^(site|room|cabinet|power_source|power_feed|device|nic_driver|model):./);
    }
  });
});

describe("GET /api/v1/monitoring/nagios", () => {
  it("writes a host per running device with an address, its switches as parents", async () => {
    const response = await nagios(new Request("http://rackmap.test/api/v1/monitoring/nagios"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = await response.text();
    const blocks = new Map<string, Record<string, string>>();
    for (const match of text.matchAll(/define host \{\n([\s\S]*?)\n\}/g)) {
      const fields = Object.fromEntries(
        match[1]!.split("\n").map((line) => {
          const [, key, value] = /^\s+(\S+)\s+(.*)$/.exec(line)!;
          return [key!, value!];
        }),
      );
      blocks.set(fields.host_name!, fields);
    }
    expect(blocks.get("app-01")).toMatchObject({ use: "generic-host", parents: "tor-a01-a, tor-a01-b" });
    expect(blocks.get("app-01")?.address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(blocks.get(mistakes.bondOnOneSwitch.hostname)?.parents).toBe(mistakes.bondOnOneSwitch.switch);
    expect(blocks.get(mistakes.redisInOneChassis.hostnames[0]!)?.parents).toBe("tor-a02-a, tor-a02-b");
    for (const sw of ["tor-a01-a", "tor-a01-b", "mgmt-a"]) {
      expect(blocks.get(sw), sw).toBeDefined();
      expect(blocks.get(sw)?.parents, sw).toBeUndefined();
    }
    // every parent is itself defined; chassis (no address) and spares (in stock) are not hosts
    for (const [name, fields] of blocks) for (const parent of (fields.parents ?? "").split(", ").filter(Boolean)) expect(blocks.has(parent), `${name} -> ${parent}`).toBe(true);
    expect(blocks.has(mistakes.redisInOneChassis.chassis)).toBe(false);
    expect(blocks.has("spare-01")).toBe(false);
    expect(text.startsWith("# Nagios host definitions generated by Rackmap")).toBe(true);
  });

  it("takes another template name, and refuses one that is not a Nagios name", async () => {
    const text = await (await nagios(new Request("http://rackmap.test/api/v1/monitoring/nagios?template=linux-server"))).text();
    expect(text).toContain("    use                 linux-server\n");
    const bad = await nagios(new Request("http://rackmap.test/api/v1/monitoring/nagios?template=a%0Ab"));
    expect(bad.status).toBe(400);
  });
});

describe("GET /api/v1/failure-domains", () => {
  it("suggests type:key references for a fragment", async () => {
    const body = await (await domains(new Request("http://rackmap.test/api/v1/failure-domains?q=tor-a01"))).json();
    expect(body.domains.map((d: { ref: string }) => d.ref)).toEqual(["device:tor-a01-a", "device:tor-a01-b"]);
  });
});
