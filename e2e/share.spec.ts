// Remote hands: an editor shares a work order; someone without an account opens the link (with and
// without JavaScript), marks items, and the editor sees it; a revoked link shows nothing.
import { expect, test, type Browser } from "@playwright/test";
import { apiToken, query } from "./database";
import { signIn } from "./sign-in";

// each visitor its own client address, so the guessing limit of one does not touch another
let address = 10;
async function visitor(browser: Browser, baseURL: string, javaScriptEnabled = true) {
  address += 1;
  return browser.newContext({ baseURL, javaScriptEnabled, extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${address}` } });
}

test("a work order shared with remote hands, marked without an account, then revoked", async ({ page, browser, request, baseURL }) => {
  const created = await request.post("/api/v1/work-orders", {
    headers: { Authorization: `Bearer ${apiToken("editor")}` },
    data: {
      title: "Remote hands e2e",
      items: [
        { hostname: "app-01", action: "power_cycle", note: "hung" },
        { hostname: "redis-01", action: "inspect", note: "amber light" },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };

  await signIn(page, "editor", `/work-orders/${id}`);
  await page.goto(`/work-orders/${id}`);
  await page.getByLabel("Expires in (hours)").fill("48");
  await page.getByRole("button", { name: "Share with remote hands" }).click();
  const urlField = page.getByLabel("Share link", { exact: true });
  await expect(urlField).toBeVisible();
  const url = await urlField.inputValue();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
  const path = new URL(url).pathname;
  const token = path.split("/").pop()!;
  expect(await query("SELECT id FROM share_link WHERE token_hash = $1", [token])).toEqual([]);

  // a fresh browser without a session
  const anon = await visitor(browser, baseURL!);
  const tech = await anon.newPage();
  const response = await tech.goto(path);
  expect(response!.status()).toBe(200);
  const headers = response!.headers();
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-robots-tag"]).toBe("noindex");
  expect(headers["cache-control"]).toContain("no-store");
  const items = tech.getByTestId("share-item");
  await expect(items).toHaveCount(2);
  const app = items.filter({ hasText: "app-01" });
  const redis = items.filter({ hasText: "redis-01" });
  await expect(app).toContainText(/cabinet \S+/);
  await expect(app).toContainText(/U\d+/);
  await expect(redis).toContainText(/bay \d+/);
  // the drawings: the cabinet with the device highlighted, and for a sled its chassis front with the bay
  await expect(app.getByRole("img", { name: /^Cabinet .*app-01 highlighted/ })).toBeVisible();
  await expect(redis.getByRole("img", { name: /^Cabinet .*redis-01 highlighted/ })).toBeVisible();
  await expect(redis.getByRole("img", { name: /^Chassis / })).toBeVisible();
  await app.getByRole("textbox").fill("power-cycled, back up");
  await app.getByRole("button", { name: "Done" }).click();
  await expect(tech.getByTestId("share-item").filter({ hasText: "app-01" }).getByTestId("item-status")).toHaveText("Done");

  // the link is no session: no API, no ops pages
  expect((await anon.request.get("/api/v1/whoami")).status()).toBe(401);
  const ops = await anon.request.get(`/work-orders/${id}`, { maxRedirects: 0 });
  expect(ops.status()).toBe(307);

  // and it works with JavaScript off
  const noJs = await visitor(browser, baseURL!, false);
  const plain = await noJs.newPage();
  await plain.goto(path);
  const redisPlain = plain.getByTestId("share-item").filter({ hasText: "redis-01" });
  await redisPlain.getByRole("textbox").fill("no access to the cage");
  await redisPlain.getByRole("button", { name: "Not possible" }).click();
  await expect(plain.getByTestId("share-item").filter({ hasText: "redis-01" }).getByTestId("item-status")).toHaveText("Not possible");

  // the editor sees progress, and the audit log names the link
  await page.reload();
  await expect(page.getByText("power-cycled, back up")).toBeVisible();
  await expect(page.getByText("no access to the cage")).toBeVisible();
  const audit = await query<{ actor_label: string }>(
    "SELECT actor_label FROM audit_log WHERE actor_type = 'share_link' AND object_type = 'work_order_item' ORDER BY id DESC LIMIT 2",
  );
  expect(audit.map((a) => a.actor_label)).toEqual([expect.stringMatching(/^share link #\d+$/), expect.stringMatching(/^share link #\d+$/)]);

  // revoked: the link says so and shows nothing
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("revoked", { exact: true })).toBeVisible();
  await tech.reload();
  await expect(tech.getByText("This link has expired or was revoked. Ask for a new one.")).toBeVisible();
  await expect(tech.getByTestId("share-item")).toHaveCount(0);
  await expect(tech.getByText("app-01")).toHaveCount(0);

  // a token nobody issued is a 404
  expect((await anon.request.get("/share/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).status()).toBe(404);
  await anon.close();
  await noJs.close();
});

test("POST /api/v1/work-orders/{id}/share-links: 201 with an absolute url once, 400 for a bad expiry, 404 for no work order", async ({ request }) => {
  const headers = { Authorization: `Bearer ${apiToken("editor")}` };
  const created = await request.post("/api/v1/work-orders", { headers, data: { title: "API share", items: [{ hostname: "app-01", action: "inspect" }] } });
  const { id } = (await created.json()) as { id: number };
  const ok = await request.post(`/api/v1/work-orders/${id}/share-links`, { headers, data: { expiresInHours: 2 } });
  expect(ok.status()).toBe(201);
  const body = (await ok.json()) as { id: number; url: string; expiresAt: string };
  expect(body.url).toMatch(/^https?:\/\/[^/]+\/share\/[A-Za-z0-9_-]{43}$/);
  expect(new Date(body.expiresAt).getTime() - Date.now()).toBeGreaterThan(1.9 * 3600_000);
  expect((await request.post(`/api/v1/work-orders/${id}/share-links`, { headers, data: {} })).status()).toBe(201);
  expect((await request.post(`/api/v1/work-orders/${id}/share-links`, { headers, data: { expiresInHours: 721 } })).status()).toBe(400);
  expect((await request.post(`/api/v1/work-orders/${id}/share-links`, { headers, data: { expiresInHours: 0 } })).status()).toBe(400);
  expect((await request.post("/api/v1/work-orders/999999/share-links", { headers, data: {} })).status()).toBe(404);
  const viewer = await request.post(`/api/v1/work-orders/${id}/share-links`, { headers: { Authorization: `Bearer ${apiToken("viewer")}` }, data: {} });
  expect(viewer.status()).toBe(403);
});
