// Locate, part 1: the search box in the header and /search, against the demo datacenter. Service tags
// and MACs come from the same deterministic plan the e2e server seeded, so nothing is hard-coded.
import { expect, test, type Page } from "@playwright/test";
import { planDatacenter } from "../lib/demo/datacenter-plan";
import { signIn } from "./sign-in";

const plan = planDatacenter();
const mistakes = plan.deliberateMistakes!;

function searchBox(page: Page) {
  return page.getByRole("search").getByRole("searchbox", { name: "Search devices" });
}

async function search(page: Page, text: string) {
  const box = searchBox(page);
  await box.fill(text);
  await box.press("Enter");
}

test("a sled's service tag, typed in the search box, goes straight to the sled", async ({ page }) => {
  await signIn(page, "viewer");
  const [sled] = mistakes.redisInOneChassis.hostnames;
  const serial = plan.devices.find((d) => d.hostname === sled)!.serial!;
  await search(page, serial.toLowerCase());
  await expect(page).toHaveURL(`/devices/${sled}`);
});

test("a bond member's MAC in another notation finds its host", async ({ page }) => {
  await signIn(page, "viewer");
  const host = mistakes.databaseOnOneDriver.hostnames[0]!;
  const mac = plan.nics.find((n) => n.hostname === host && n.name === "eth1")!.mac!;
  // stored as 00:26:b9:xx:xx:xx; typed the Cisco way, in capitals
  const hex = mac.replace(/:/g, "").toUpperCase();
  await search(page, `${hex.slice(0, 4)}.${hex.slice(4, 8)}.${hex.slice(8)}`);
  await expect(page).toHaveURL(`/devices/${host}`);
});

test("a switch and a port find what is plugged in there", async ({ page }) => {
  await signIn(page, "viewer");
  const { hostname, switch: tor, ports } = mistakes.bondOnOneSwitch;
  await search(page, `${tor} ${ports[1]!.toLowerCase()}`);
  await expect(page).toHaveURL(`/devices/${hostname}`);
});

test("pressing / focuses the search box, except while typing in another field", async ({ page }) => {
  await signIn(page, "viewer");
  await expect(searchBox(page)).not.toBeFocused();
  await page.keyboard.press("/");
  await expect(searchBox(page)).toBeFocused();
  await expect(searchBox(page)).toHaveValue("");
  await page.keyboard.press("Escape");
  await expect(searchBox(page)).not.toBeFocused();

  await page.goto("/audit");
  const field = page.getByLabel("Object type");
  await field.fill("");
  await field.pressSequentially("a/b");
  await expect(field).toHaveValue("a/b");
  await expect(field).toBeFocused();
});

test("a partial hostname lists every match, exact first, with where each one is", async ({ page }) => {
  await signIn(page, "viewer");
  await search(page, "redis");
  await expect(page).toHaveURL("/search?q=redis");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search “redis”");
  await expect(searchBox(page)).toHaveValue("redis");

  const table = page.getByRole("table", { name: "prefix matches" });
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(3);
  const first = rows.nth(1);
  await expect(first.getByRole("link", { name: "redis-01" })).toHaveAttribute("href", "/devices/redis-01");
  await expect(first.locator("mark")).toHaveText("redis");
  const location = first.getByRole("list", { name: "Location of redis-01" });
  await expect(location).toHaveText(/ORD1›Room A›A02›U7–U8 \(front\)›chassis-a02-u07›bay 1/);
  await expect(location.getByRole("link", { name: "A02", exact: true })).toHaveAttribute("href", /^\/cabinets\/\d+$/);
  await expect(location.getByRole("link", { name: "chassis-a02-u07" })).toHaveAttribute("href", "/devices/chassis-a02-u07");
  await page.screenshot({ path: "test-results/screenshots/search-redis.png", fullPage: true });
});

test("a cable label lists both ends, the server first", async ({ page }) => {
  await signIn(page, "viewer");
  const cable = plan.cables.find((c) => c.aHost === mistakes.bondOnOneSwitch.hostname && c.aPort === "eth1")!;
  await search(page, cable.label.toLowerCase());
  await expect(page).toHaveURL(`/search?q=${cable.label.toLowerCase()}`);
  const rows = page.getByRole("table", { name: "exact matches" }).getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1).getByRole("link").first()).toHaveText(cable.aHost);
  await expect(rows.nth(2).getByRole("link").first()).toHaveText(cable.bHost);
  await expect(rows.nth(1)).toContainText(`cabled to ${cable.bHost} ${cable.bPort}`);
});

test("a search with many kinds of matches reads as a product", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/search?q=a01");
  await expect(page.getByRole("heading", { level: 2, name: /Containing/ })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/search-a01.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-results/screenshots/search-a01-dark.png", fullPage: true });
});

test("nothing found, and a bad query, each say what to try", async ({ page }) => {
  await signIn(page, "viewer");
  await search(page, "no-such-thing-anywhere");
  await expect(page.getByText("Nothing matches “no-such-thing-anywhere”")).toBeVisible();
  await expect(page.getByText("tor-a01-a Te1/0/7", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/search-none.png", fullPage: true });

  await page.goto(`/search?q=${"x".repeat(201)}`);
  await expect(page.getByRole("alert", { name: /at most 200 characters/ })).toBeVisible();

  await page.goto("/search");
  await expect(page.getByText(/press \/ from anywhere/)).toBeVisible();
});

test("the API answers with DESIGN's shape, and 400 for a missing query", async ({ page }) => {
  await signIn(page, "viewer");
  const ok = await page.request.get("/api/v1/locate?q=REDIS-02");
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.matches[0]).toMatchObject({
    hostname: "redis-02",
    matchedOn: "hostname",
    matchedValue: "redis-02",
    location: { site: "ORD1", room: "Room A", cabinet: "A02", uLow: 7, uHigh: 8, face: "front", chassis: "chassis-a02-u07", bay: 2 },
  });
  for (const path of ["/api/v1/locate", "/api/v1/locate?q=%20", `/api/v1/locate?q=${"x".repeat(201)}`, "/api/v1/locate?q=app&limit=0"]) {
    const bad = await page.request.get(path);
    expect(bad.status(), path).toBe(400);
    expect(await bad.json(), path).toMatchObject({ error: { code: "bad_request", message: expect.any(String) } });
  }
});
