// Share links against the demo datacenter in a scratch database of this file's own (other files may
// TRUNCATE the shared one): unknown, expired and revoked tokens, the token never stored in plain text,
// and a link that only touches its own work order.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/test-database";
import { db } from "./client";
import { seedDemo } from "./seed";
import { createShareLink, markShareItem, openShareLink, revokeShareLink } from "./share-links";
import { createWorkOrder } from "./work-orders";

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
