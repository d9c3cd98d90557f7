import { expect, test } from "@playwright/test";
import { apiToken, query } from "./database";
import { signIn } from "./sign-in";

const order = { title: "Power-cycle app-01", items: [{ hostname: "app-01", action: "power_cycle", note: "hung after kernel panic" }] };
const countOrders = async () => Number((await query<{ n: string }>("SELECT count(*) AS n FROM work_order"))[0]!.n);

test("an API call without a token gets 401", async ({ request }) => {
  const read = await request.get("/api/v1/whoami");
  expect(read.status()).toBe(401);
  expect(await read.json()).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("Bearer") } });
  const write = await request.post("/api/v1/work-orders", { data: order });
  expect(write.status()).toBe(401);
  const bad = await request.get("/api/v1/whoami", { headers: { Authorization: "Bearer rmk_not-a-real-token" } });
  expect(bad.status()).toBe(401);
});

test("a viewer token reads but a write gets 403 and nothing is written", async ({ request }) => {
  const headers = { Authorization: `Bearer ${apiToken("viewer")}` };
  expect((await request.get("/api/v1/whoami", { headers })).status()).toBe(200);
  const before = await countOrders();
  const write = await request.post("/api/v1/work-orders", { headers, data: order });
  expect(write.status()).toBe(403);
  expect((await write.json()).error.code).toBe("forbidden");
  expect(await countOrders()).toBe(before);
});

test("an editor token writes, and the audit log names the token", async ({ request }) => {
  const headers = { Authorization: `Bearer ${apiToken("editor")}` };
  const before = await countOrders();
  const write = await request.post("/api/v1/work-orders", { headers, data: order });
  expect(write.status()).toBe(201);
  const { id } = (await write.json()) as { id: number };
  expect(await countOrders()).toBe(before + 1);
  const audit = await query<{ actor_type: string; actor_label: string }>(
    "SELECT actor_type::text, actor_label FROM audit_log WHERE object_type = 'work_order' AND object_id = $1",
    [String(id)],
  );
  expect(audit).toEqual([{ actor_type: "api_token", actor_label: "token e2e-editor" }]);
});

test("bad input gets a clear 400", async ({ request }) => {
  const headers = { Authorization: `Bearer ${apiToken("editor")}` };
  const unknown = await request.post("/api/v1/work-orders", { headers, data: { title: "x", items: [{ hostname: "no-such-host", action: "inspect" }] } });
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).error).toMatchObject({ code: "unknown_device", message: "No device named no-such-host." });
  const action = await request.post("/api/v1/work-orders", { headers, data: { title: "x", items: [{ hostname: "app-01", action: "reboot" }] } });
  expect(action.status()).toBe(400);
  expect((await action.json()).error.message).toContain("power_cycle");
});

test("the audit page shows who changed what, filtered by actor", async ({ page, request }) => {
  const headers = { Authorization: `Bearer ${apiToken("editor")}` };
  expect((await request.post("/api/v1/work-orders", { headers, data: { ...order, title: "Audit me" } })).status()).toBe(201);
  await signIn(page, "viewer");
  await page.goto("/audit?actor=e2e-editor&objectType=work_order");
  const row = page.getByRole("row", { name: /Audit me/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText("token e2e-editor");
  await expect(row).toContainText("create");
});
