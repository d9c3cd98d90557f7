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

test("a work order built in the UI from a search, shared with remote hands, marked without an account, then revoked", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  // the editor ticks a search result, and adds a second host by name on the new-work-order page
  await signIn(page, "editor", "/search?q=redis");
  await page.goto("/search?q=redis");
  await page.getByRole("checkbox", { name: "Select redis-01" }).first().check();
  await page.getByRole("button", { name: "Create work order from selected" }).click();
  await expect(page).toHaveURL(/\/work-orders\/new\?hosts=redis-01$/);
  await expect(page.getByTestId("work-order-row")).toHaveCount(1);
  await page.getByLabel("Add hosts").fill("app-01, no-such-host-9");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByTestId("work-order-row")).toHaveCount(3);

  // refused until it has a title and only known hosts, each named
  await page.getByRole("button", { name: "Create work order" }).click();
  await expect(page.getByRole("alert", { name: "A work order needs a title." })).toBeVisible();
  await page.getByRole("textbox", { name: "Title", exact: true }).fill("Remote hands e2e");
  await page.getByRole("button", { name: "Create work order" }).click();
  await expect(page.getByRole("alert", { name: /^No device named no-such-host-9\./ })).toBeVisible();
  await page.getByRole("button", { name: "Remove no-such-host-9" }).click();
  await page.getByLabel("Action for app-01").selectOption("power_cycle");
  await page.getByLabel("Note for app-01").fill("hung");
  await page.getByLabel("Note for redis-01").fill("amber light");
  await page.getByRole("button", { name: "Create work order" }).click();
  await expect(page).toHaveURL(/\/work-orders\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  await expect(page.getByRole("heading", { name: /Remote hands e2e/ })).toBeVisible();
  const orderItems = page.getByRole("table", { name: "Items" });
  await expect(orderItems.getByRole("row")).toHaveCount(3);
  await expect(orderItems.getByRole("row", { name: /app-01/ })).toContainText("Power-cycle");
  await expect(orderItems.getByRole("row", { name: /app-01/ })).toContainText("hung");
  await expect(orderItems.getByRole("row", { name: /redis-01/ })).toContainText("Inspect");

  // the link, shown once with a copy button and a QR code
  await page.getByLabel("Expires in (hours)").fill("48");
  await page.getByRole("button", { name: "Share with remote hands" }).click();
  const urlField = page.getByLabel("Share link", { exact: true });
  await expect(urlField).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code of the share link" }).locator("svg")).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy" })).toBeVisible();
  await page.screenshot({ path: "test-results/work-order-shared.png", fullPage: true });
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
  // plain HTML with its CSS inline: no script and no stylesheet to fetch (the page's weight, issue 9), yet styled
  expect(await tech.locator("script").count()).toBe(0);
  expect(await tech.locator('link[rel="stylesheet"]').count()).toBe(0);
  await expect(app.getByRole("button", { name: "Done" })).toHaveCSS("color", "rgb(255, 255, 255)");
  await expect(app).toHaveCSS("border-top-left-radius", "6px");
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
  // nor any other work order: an item of work order 1 is not this link's to mark
  const [foreign] = await query<{ id: number }>("SELECT id FROM work_order_item WHERE work_order_id = 1 LIMIT 1");
  const otherItem = await anon.request.post(`${path}/items/${foreign!.id}`, { form: { status: "done", note: "not mine" }, maxRedirects: 0 });
  expect(otherItem.status()).toBe(404);
  expect(await query("SELECT status FROM work_order_item WHERE id = $1", [foreign!.id])).toEqual([{ status: "pending" }]);

  // and it works with JavaScript off
  const noJs = await visitor(browser, baseURL!, false);
  const plain = await noJs.newPage();
  await plain.goto(path);
  const redisPlain = plain.getByTestId("share-item").filter({ hasText: "redis-01" });
  await redisPlain.getByRole("textbox").fill("no access to the cage");
  await redisPlain.getByRole("button", { name: "Not possible" }).click();
  await expect(plain.getByTestId("share-item").filter({ hasText: "redis-01" }).getByTestId("item-status")).toHaveText("Not possible");

  // the editor sees progress without reloading (the page polls), and its history names the link
  await expect(orderItems.getByRole("row", { name: /app-01/ })).toContainText("power-cycled, back up", { timeout: 40_000 });
  await expect(orderItems.getByRole("row", { name: /redis-01/ })).toContainText("no access to the cage", { timeout: 40_000 });
  await expect(orderItems.getByRole("row", { name: /redis-01/ })).toContainText("not possible");
  await expect(page.getByRole("table", { name: "Audit entries" }).getByRole("row", { name: /share link #\d+/ }).first()).toBeVisible();
  const audit = await query<{ actor_label: string }>(
    "SELECT actor_label FROM audit_log WHERE actor_type = 'share_link' AND object_type = 'work_order_item' ORDER BY id DESC LIMIT 2",
  );
  expect(audit.map((a) => a.actor_label)).toEqual([expect.stringMatching(/^share link #\d+$/), expect.stringMatching(/^share link #\d+$/)]);

  // revoked: the link says so and shows nothing
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("revoked", { exact: true })).toBeVisible();
  const gone = await tech.reload();
  expect(gone!.status()).toBe(410);
  await expect(tech.getByText("This link has expired, ask for a new one.")).toBeVisible();
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

test("a cabinet and a device lead to the same new-work-order page; a viewer is not offered it", async ({ page, browser, baseURL }) => {
  // app-01's cabinet, or its chassis' if it is a sled
  const [cabinet] = await query<{ id: number }>(
    "SELECT coalesce(d.cabinet_id, c.cabinet_id) AS id FROM device d LEFT JOIN device c ON c.id = d.chassis_id WHERE d.hostname = 'app-01'",
  );
  await signIn(page, "editor", `/cabinets/${cabinet!.id}`);
  await page.goto(`/cabinets/${cabinet!.id}`);
  const everything = page.getByRole("link", { name: "Work order for this cabinet" });
  await expect(everything).toHaveAttribute("href", /^\/work-orders\/new\?hosts=.*app-01/);
  const boxes = page.getByRole("table", { name: "Devices in this cabinet" }).getByRole("checkbox");
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole("button", { name: "Work order for selected" }).click();
  await expect(page).toHaveURL(/\/work-orders\/new\?hosts=[^&]+&hosts=/);
  await expect(page.getByTestId("work-order-row")).toHaveCount(2);
  await page.screenshot({ path: "test-results/new-work-order.png", fullPage: true });

  await page.goto("/devices/db-master-01");
  await page.getByRole("link", { name: "Add to work order" }).click();
  await expect(page).toHaveURL(/\/work-orders\/new\?hosts=db-master-01$/);
  await expect(page.getByTestId("work-order-row")).toHaveCount(1);
  await expect(page.getByTestId("work-order-row")).toContainText("db-master-01");

  const viewerContext = await browser.newContext({ baseURL });
  const viewer = await viewerContext.newPage();
  await signIn(viewer, "viewer", `/cabinets/${cabinet!.id}`);
  await viewer.goto(`/cabinets/${cabinet!.id}`);
  await expect(viewer.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Work order for this cabinet" })).toHaveCount(0);
  await expect(viewer.getByRole("checkbox")).toHaveCount(0);
  await viewer.goto("/search?q=redis");
  await expect(viewer.getByRole("button", { name: "Create work order from selected" })).toHaveCount(0);
  await viewerContext.close();
});
