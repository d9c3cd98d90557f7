// Share links against the demo datacenter in a scratch database of this file's own (other files may
// TRUNCATE the shared one): unknown, expired and revoked tokens, the token never stored in plain text,
// and a link that only touches its own work order.
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/test-database";
import { compareNatural } from "../domain/failure-snapshot";
import { db } from "./client";
import { seedDemo } from "./seed";
import { proxy } from "../../proxy";
import { SHARE_RATE_LIMIT } from "../share/client-address";
import { createShareLink, gateShareToken, markShareItem, openShareLink, revokeShareLink } from "./share-links";
import { createWorkOrder, findUnknownHostnames, getWorkOrder, listWorkOrderHistory, type WorkOrderItemDetail } from "./work-orders";

const TIMEOUT = 180_000;
const system = { type: "system" as const, id: null, label: "test" };
let database: TestDatabase;
let sharedUrl: string | undefined;
let orderA: number;
let orderB: number;

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function tokenOf(url: string): string {
  return url.slice(url.lastIndexOf("/") + 1);
}

beforeAll(async () => {
  database = await createTestDatabase("rackmap_share");
  await seedDemo(database.url);
  sharedUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  orderA = (
    await createWorkOrder({
      title: "share A",
      items: [
        { hostname: "app-01", action: "power_cycle" },
        { hostname: "redis-01", action: "inspect", note: "amber light" },
      ],
      createdById: null,
      actor: system,
    })
  ).id;
  orderB = (await createWorkOrder({ title: "share B", items: [{ hostname: "app-01", action: "inspect" }], createdById: null, actor: system })).id;
}, TIMEOUT);

afterAll(async () => {
  await db().$disconnect();
  process.env.DATABASE_URL = sharedUrl;
  await database?.drop();
}, TIMEOUT);

describe("share links", () => {
  it("opens its work order with the items in walking order and counts the open", async () => {
    const link = (await createShareLink({ workOrderId: orderA, createdById: null }))!;
    expect(link.url).toMatch(/^https?:\/\/[^/]+\/share\/[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const shared = await openShareLink(tokenOf(link.url));
    if (!shared || shared.expired) throw new Error("link did not open");
    expect(shared.workOrder.id).toBe(orderA);
    expect(shared.items.map((i) => i.hostname).sort()).toEqual(["app-01", "redis-01"]);
    const redis = shared.items.find((i) => i.hostname === "redis-01")!;
    expect(redis.chassis).not.toBeNull();
    expect(redis.bay).not.toBeNull();
    expect(redis.cabinet).not.toBeNull();
    expect(shared.sites.length).toBe(1);
    const [row] = await query<{ open_count: number; last_opened_at: Date | null }>("SELECT open_count, last_opened_at FROM share_link WHERE id = $1", [link.id]);
    expect(row!.open_count).toBe(1);
    expect(row!.last_opened_at).not.toBeNull();
  });

  it("shows every kind of device as the work order page places it, with each Nic's cable from either end", async () => {
    // every device of the demo datacenter: racked servers and switches, chassis, sleds, anything unplaced
    const hostnames = (await query<{ hostname: string }>("SELECT hostname FROM device ORDER BY id")).map((r) => r.hostname);
    const order = await createWorkOrder({ title: "everything", items: hostnames.map((hostname) => ({ hostname, action: "inspect" as const })), createdById: null, actor: system });
    const link = (await createShareLink({ workOrderId: order.id, createdById: null }))!;
    const shared = await openShareLink(tokenOf(link.url), { countOpen: false });
    if (!shared || shared.expired) throw new Error("link did not open");

    // the work order page's own reading (Prisma), in the same walking order
    const page = (await getWorkOrder(order.id))!;
    expect(shared.items.map((i) => i.id)).toEqual(page.items.map((i) => i.id));
    const common = ({ id, hostname, action, note, status, resultNote, modelName, serial, site, room, cabinet, uLow, chassis, bay }: WorkOrderItemDetail) =>
      ({ id, hostname, action, note, status, resultNote, modelName, serial, site, room, cabinet, uLow, chassis, bay });
    expect(shared.items.map(common)).toEqual(page.items.map(common));

    // where each one is and its cables, read another way: a sled's U range and face are its chassis'
    const devices = await query<{ id: number; hostname: string; asset_tag: string | null; chassis_id: number | null; u_low: number | null; u_high: number | null; face: string | null }>(
      `SELECT d.id, d.hostname, d.asset_tag, d.chassis_id, p.u_low, CASE WHEN p.u_height > 0 THEN p.u_low + p.u_height - 1 ELSE p.u_low END AS u_high, p.face::text AS face
         FROM device d JOIN device p ON p.id = coalesce(d.chassis_id, d.id)`,
    );
    const cables = await query<{ host: string; nic: string; label: string | null; peer: string }>(
      `SELECT ad.hostname AS host, an.name AS nic, c.label, bd.hostname || ' ' || bn.name AS peer
         FROM cable c JOIN nic an ON an.id = c.a_nic_id JOIN device ad ON ad.id = an.device_id JOIN nic bn ON bn.id = c.b_nic_id JOIN device bd ON bd.id = bn.device_id
       UNION ALL
       SELECT bd.hostname, bn.name, c.label, ad.hostname || ' ' || an.name
         FROM cable c JOIN nic an ON an.id = c.a_nic_id JOIN device ad ON ad.id = an.device_id JOIN nic bn ON bn.id = c.b_nic_id JOIN device bd ON bd.id = bn.device_id
       ORDER BY 1, 2`,
    );
    const byHost = new Map(devices.map((d) => [d.hostname, d]));
    let cabled = 0;
    for (const item of shared.items) {
      const d = byHost.get(item.hostname)!;
      expect({ deviceId: item.deviceId, assetTag: item.assetTag, chassisId: item.chassisId, uHigh: item.uHigh, face: item.face }, item.hostname).toEqual({
        deviceId: d.id,
        assetTag: d.asset_tag,
        chassisId: d.chassis_id,
        uHigh: d.u_high,
        face: d.face,
      });
      const own = cables.filter((c) => c.host === item.hostname).map(({ nic, label, peer }) => ({ nic, label, peer }));
      // by Nic name in natural order (Te1/0/2 before Te1/0/10)
      expect(item.cables, item.hostname).toEqual(own.sort((a, b) => compareNatural(a.nic, b.nic)));
      cabled += item.cables.length;
    }
    expect(cabled).toBeGreaterThan(0);
    expect(shared.items.some((i) => i.chassis !== null)).toBe(true);
    expect(shared.sites.map((s) => s.name)).toEqual([...new Set(shared.items.flatMap((i) => (i.site ? [i.site] : [])))].sort());
  });

  it("refuses an expiry beyond 720 hours", async () => {
    await expect(createShareLink({ workOrderId: orderA, expiresInHours: 721, createdById: null })).rejects.toThrow(/720/);
    expect(await createShareLink({ workOrderId: 999_999, createdById: null })).toBeNull();
  });

  it("gives null for a random token of the right length", async () => {
    expect(await openShareLink(randomBytes(32).toString("base64url"))).toBeNull();
    expect(await openShareLink("not-a-token")).toBeNull();
    expect(await markShareItem(randomBytes(32).toString("base64url"), 1, "done", "")).toBe("unknown");
  });

  it("gives no data for an expired or revoked link", async () => {
    const expired = (await createShareLink({ workOrderId: orderA, createdById: null }))!;
    await query("UPDATE share_link SET created_at = now() - interval '2 days', expires_at = now() - interval '1 minute' WHERE id = $1", [expired.id]);
    expect(await openShareLink(tokenOf(expired.url))).toEqual({ expired: true });
    const revoked = (await createShareLink({ workOrderId: orderA, createdById: null }))!;
    expect(await revokeShareLink(revoked.id)).toBe(true);
    expect(await openShareLink(tokenOf(revoked.url))).toEqual({ expired: true });
    const shared = await openShareLink(tokenOf(revoked.url));
    expect(shared && "items" in shared).toBe(false);
    const [item] = await query<{ id: number }>("SELECT id FROM work_order_item WHERE work_order_id = $1 LIMIT 1", [orderA]);
    expect(await markShareItem(tokenOf(revoked.url), item!.id, "done", "late")).toBe("expired");
  });

  it("stores the token nowhere in plain text", async () => {
    const link = (await createShareLink({ workOrderId: orderA, createdById: null }))!;
    const token = tokenOf(link.url);
    await openShareLink(token);
    const [item] = await query<{ id: number }>("SELECT id FROM work_order_item WHERE work_order_id = $1 LIMIT 1", [orderA]);
    expect(await markShareItem(token, item!.id, "done", "checked")).toBe("ok");
    const tables = await query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    for (const { table_name } of tables) {
      const hits = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}" t WHERE t::text LIKE $1`, [`%${token}%`]);
      expect(hits[0]!.n, table_name).toBe(0);
    }
  });

  it("marks only items of its own work order, audited under the link", async () => {
    const link = (await createShareLink({ workOrderId: orderA, createdById: null }))!;
    const token = tokenOf(link.url);
    const [other] = await query<{ id: number; status: string }>("SELECT id, status FROM work_order_item WHERE work_order_id = $1", [orderB]);
    expect(await markShareItem(token, other!.id, "done", "not mine")).toBe("no_such_item");
    const [after] = await query<{ status: string; result_note: string }>("SELECT status, result_note FROM work_order_item WHERE id = $1", [other!.id]);
    expect(after).toEqual({ status: "pending", result_note: "" });

    const [mine] = await query<{ id: number }>("SELECT id FROM work_order_item WHERE work_order_id = $1 ORDER BY id DESC LIMIT 1", [orderA]);
    expect(await markShareItem(token, mine!.id, "bogus", "")).toBe("bad_input");
    expect(await markShareItem(token, mine!.id, "not_possible", "  no access to cage  ")).toBe("ok");
    const [marked] = await query<{ status: string; result_note: string }>("SELECT status, result_note FROM work_order_item WHERE id = $1", [mine!.id]);
    expect(marked).toEqual({ status: "not_possible", result_note: "no access to cage" });
    const audit = await query<{ actor_type: string; actor_id: string; actor_label: string }>(
      "SELECT actor_type::text, actor_id, actor_label FROM audit_log WHERE object_type = 'work_order_item' AND object_id = $1 ORDER BY id DESC LIMIT 1",
      [String(mine!.id)],
    );
    expect(audit[0]).toEqual({ actor_type: "share_link", actor_id: String(link.id), actor_label: `share link #${link.id}` });
  });
});

describe("work order history and hosts", () => {
  it("lists the order's own entries, its links' and its items' marked under a link, and nothing of another order", async () => {
    const { id } = await createWorkOrder({ title: "history", items: [{ hostname: "db-master-01", action: "inspect" }], createdById: null, actor: system });
    const link = (await createShareLink({ workOrderId: id, createdById: null, actor: system }))!;
    const [item] = await query<{ id: number }>("SELECT id FROM work_order_item WHERE work_order_id = $1", [id]);
    expect(await markShareItem(tokenOf(link.url), item!.id, "done", "seen")).toBe("ok");
    await revokeShareLink(link.id, system);
    const history = await listWorkOrderHistory(id);
    expect(history.map((h) => `${h.objectType} ${h.action} ${h.actorType}`)).toEqual([
      "share_link update system",
      "work_order_item update share_link",
      "share_link create system",
      "work_order create system",
    ]);
    expect((await listWorkOrderHistory(orderB)).every((h) => h.objectType !== "share_link" || h.objectId !== String(link.id))).toBe(true);
  });

  it("names the hostnames no device has, in the order given", async () => {
    expect(await findUnknownHostnames(["app-01", "no-such-1", "redis-01", "no-such-2"])).toEqual(["no-such-1", "no-such-2"]);
    expect(await findUnknownHostnames([])).toEqual([]);
  });
});

describe("guessing limit and statuses", () => {
  const request = (path: string, address: string) =>
    proxy(new NextRequest(`http://localhost${path}`, { headers: { "x-forwarded-for": address } }));

  it("counts only failed lookups: a good link reloaded past the limit still opens", async () => {
    const link = (await createShareLink({ workOrderId: orderA, createdById: null }))!;
    for (let i = 0; i <= SHARE_RATE_LIMIT.max; i++) {
      expect(await gateShareToken(tokenOf(link.url), "198.51.100.1")).toEqual({ kind: "ok" });
    }
    expect(await query("SELECT count FROM rate_limit WHERE key = 'share:198.51.100.1'")).toEqual([]);
  });

  it("refuses every lookup from an address after too many failures, a good link included, and no other address", async () => {
    const link = (await createShareLink({ workOrderId: orderA, createdById: null }))!;
    for (let i = 0; i < SHARE_RATE_LIMIT.max; i++) {
      expect((await gateShareToken(randomBytes(32).toString("base64url"), "198.51.100.2")).kind).toBe("unknown");
    }
    const limited = await gateShareToken(tokenOf(link.url), "198.51.100.2");
    expect(limited.kind).toBe("limited");
    expect(limited.kind === "limited" && limited.retryAfter).toBeGreaterThan(0);
    expect(await gateShareToken(tokenOf(link.url), "198.51.100.3")).toEqual({ kind: "ok" });
  });

  it("answers 410 with the expired message and no data, 429 when limited, and lets good and unknown tokens on to the page", async () => {
    const good = (await createShareLink({ workOrderId: orderA, createdById: null }))!;
    const passed = await request(new URL(good.url).pathname, "198.51.100.4");
    expect(passed.status).toBe(200);
    expect(passed.headers.get("x-middleware-next")).toBe("1");
    const unknown = await request(`/share/${randomBytes(32).toString("base64url")}`, "198.51.100.4");
    expect(unknown.headers.get("x-middleware-next")).toBe("1");

    const revoked = (await createShareLink({ workOrderId: orderA, createdById: null }))!;
    await revokeShareLink(revoked.id);
    const gone = await request(new URL(revoked.url).pathname, "198.51.100.4");
    expect(gone.status).toBe(410);
    expect(gone.headers.get("cache-control")).toBe("no-store");
    expect(gone.headers.get("referrer-policy")).toBe("no-referrer");
    expect(gone.headers.get("x-robots-tag")).toBe("noindex");
    const page = await gone.text();
    expect(page).toContain("This link has expired, ask for a new one.");
    expect(page).not.toContain("app-01");
    expect(page).not.toContain("share A");

    for (let i = 0; i < SHARE_RATE_LIMIT.max; i++) await request("/share/not-a-token", "198.51.100.5");
    const limited = await request(new URL(good.url).pathname, "198.51.100.5");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.text()).not.toContain("app-01");
  });
});
