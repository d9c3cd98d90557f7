// Locate, part 2: every server drawn where it physically is. Walks from a sled (redis-01, bay 1 of the C6220
// chassis-a02-u07 at U7-U8 of A02 in the demo) to its switch, its cabinet, its room and its site, and saves
// screenshots of each page in both color schemes.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const SHOTS = "e2e/screenshots";

async function shoot(page: Page, name: string) {
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${SHOTS}/${name}-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
}

test("a sled's page shows where it is, drawn in its chassis and its cabinet, and leads to its switch", async ({ page }) => {
  await signIn(page, "viewer", "/devices/redis-01");
  await expect(page).toHaveURL("/devices/redis-01");
  await expect(page.getByRole("heading", { level: 1, name: /redis-01/ })).toBeVisible();

  const location = page.getByRole("navigation", { name: "Location", exact: true });
  await expect(location.getByRole("link", { name: "ORD1", exact: true })).toHaveAttribute("href", /^\/sites\/\d+$/);
  await expect(location.getByRole("link", { name: "Room A", exact: true })).toHaveAttribute("href", /^\/rooms\/\d+$/);
  await expect(location.getByRole("link", { name: "A02", exact: true })).toHaveAttribute("href", /^\/cabinets\/\d+$/);
  await expect(location).toContainText("U7–U8 front");
  await expect(location.getByRole("link", { name: "chassis-a02-u07", exact: true })).toHaveAttribute("href", "/devices/chassis-a02-u07");
  await expect(location).toContainText("bay 1");

  // the sled highlighted in its chassis' front, and the chassis highlighted in the cabinet's elevation
  await expect(page.getByRole("group", { name: /^Chassis chassis-a02-u07 front.*; redis-01 in bay 1 highlighted$/ })).toBeVisible();
  await expect(
    page.getByRole("group", { name: "Cabinet A02 front elevation; highlighted: redis-01 in bay 1 of chassis-a02-u07 at U7–U8", exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("group", { name: /^Cabinet A02 rear elevation; highlighted: redis-01/ })).toBeVisible();

  // bond, members, drivers and the switch port at the far end of each cable
  const network = page.getByRole("table", { name: "Network interfaces", exact: true });
  await expect(network.getByRole("row", { name: /bond0.*802\.3ad/ })).toBeVisible();
  const eth0 = network.getByRole("row", { name: /eth0/ });
  await expect(eth0).toContainText("10G");
  await expect(eth0).toContainText("ixgbe");
  await expect(eth0).toContainText(/cable ORD1-A02-\d{4}/);
  await expect(page.getByRole("table", { name: "Power feeds", exact: true })).toContainText("UPS-2");
  await expect(page.getByText("A sled shares its chassis' power")).toBeVisible();
  await expect(page.getByRole("table", { name: "Services", exact: true })).toContainText("master");
  await expect(page.getByRole("heading", { name: "History", exact: true })).toBeVisible();
  await shoot(page, "device");

  // the switch page: every port with what is at the other end
  const switchPort = eth0.getByRole("link", { name: /^tor-a02-a Te1\/0\/\d+$/ });
  const port = ((await switchPort.textContent()) ?? "").split(" ")[1]!;
  await switchPort.click();
  await expect(page).toHaveURL("/devices/tor-a02-a");
  await expect(page.getByRole("heading", { level: 1, name: /tor-a02-a/ })).toBeVisible();
  const portRow = page.getByRole("table", { name: "Switch ports", exact: true }).getByRole("row", { name: new RegExp(`^${port.replaceAll("/", "\\/")} `) });
  await expect(portRow.getByRole("link", { name: "redis-01", exact: true })).toBeVisible();
  await expect(portRow).toContainText("eth0");
  await expect(page.getByRole("group", { name: "Cabinet A02 front elevation; highlighted: tor-a02-a at U42", exact: true })).toBeVisible();
  await shoot(page, "switch");
});

test("the device API answers with the location the page shows", async ({ page }) => {
  await signIn(page, "viewer");
  const response = await page.request.get("/api/v1/devices/redis-01");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({
    hostname: "redis-01",
    location: { site: "ORD1", room: "Room A", cabinet: "A02", uLow: 7, uHigh: 8, face: "front", chassis: "chassis-a02-u07", bay: 1 },
    model: "PowerEdge C6220 sled",
    role: "redis",
    status: "active",
    bonds: [{ name: "bond0", mode: "802.3ad", members: ["eth0", "eth1"] }],
    services: [{ name: "redis", role: "master" }],
  });
  expect(body.cables.map((c: { switch: string }) => c.switch)).toEqual(["tor-a02-a", "tor-a02-b", "mgmt-a"]);
  expect(body.power.map((p: { feed: string; via: string }) => `${p.feed} via ${p.via}`)).toEqual(["A via chassis-a02-u07", "B via chassis-a02-u07"]);

  const missing = await page.request.get("/api/v1/devices/no-such-host");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: "not_found", message: "No device named no-such-host" } });
  expect((await page.goto("/devices/no-such-host"))?.status()).toBe(404);
});

test("the cabinet page draws both faces, lists everything in it, and prints clean", async ({ page }) => {
  await signIn(page, "viewer", "/devices/redis-01");
  await page.getByRole("navigation", { name: "Location", exact: true }).getByRole("link", { name: "A02", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /A02/ })).toBeVisible();
  await expect(page.getByRole("group", { name: "Cabinet A02 front elevation", exact: true })).toBeVisible();
  await expect(page.getByRole("group", { name: "Cabinet A02 rear elevation", exact: true })).toBeVisible();
  const contents = page.getByRole("table", { name: "Devices in this cabinet", exact: true });
  await expect(contents.getByRole("row", { name: /bay 1 .*redis-01/ })).toBeVisible();
  await expect(contents.getByRole("row", { name: /U7–U8 .*chassis-a02-u07/ })).toBeVisible();
  const switches = page.getByRole("region", { name: "Top-of-rack switches", exact: true });
  await expect(switches.getByRole("link", { name: "tor-a02-a", exact: true })).toBeVisible();
  await expect(switches.getByRole("link", { name: "tor-a02-b", exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Power feeds", exact: true })).toContainText("UPS-1");
  await expect(page.getByRole("button", { name: "Print cabinet sheet", exact: true })).toBeVisible();
  await shoot(page, "cabinet");

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main", exact: true })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print cabinet sheet", exact: true })).toBeHidden();
  await expect(switches).toBeHidden();
  await expect(page.getByRole("group", { name: "Cabinet A02 front elevation", exact: true })).toBeVisible();
  await expect(contents).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/cabinet-print.png`, fullPage: true });
  await page.emulateMedia({ media: "screen" });
});

test("the room page shows its cabinets' fill and a row of elevations, drawn as they come into view", async ({ page }) => {
  await signIn(page, "viewer", "/cabinets/2");
  await page.getByRole("navigation", { name: "Breadcrumb", exact: true }).getByRole("link", { name: "Room A", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Room A/ })).toBeVisible();
  const grid = page.getByRole("list", { name: "Cabinets in Room A", exact: true });
  await expect(grid.getByRole("link", { name: /^A01 / })).toBeVisible();
  await expect(grid.getByRole("link", { name: /^A08 / })).toBeVisible();

  const row = page.getByRole("list", { name: "Room A row, front", exact: true });
  // the first six are in the page itself; the last two are asked for when they scroll into view
  await row.scrollIntoViewIfNeeded();
  for (const name of ["A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08"]) {
    await expect(row.getByRole("group", { name: `Cabinet ${name} front elevation`, exact: true })).toBeVisible();
  }
  await shoot(page, "room");

  await page.getByRole("group", { name: "Face", exact: true }).getByRole("link", { name: "Rear", exact: true }).click();
  await expect(page).toHaveURL(/face=rear/);
  await expect(page.getByRole("list", { name: "Room A row, rear", exact: true }).getByRole("group", { name: "Cabinet A08 rear elevation", exact: true })).toBeVisible();

  await page.getByRole("navigation", { name: "Breadcrumb", exact: true }).getByRole("link", { name: "ORD1", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ORD1", exact: true })).toBeVisible();
  await expect(page.getByText("remotehands-ord1@colo.example.net")).toBeVisible();
  await expect(page.getByRole("link", { name: "Room B", exact: true })).toHaveAttribute("href", /^\/rooms\/\d+$/);
  await shoot(page, "site");
});

test("without JavaScript the row view still links every cabinet", async ({ page, browser, baseURL }) => {
  await signIn(page, "viewer");
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() });
  const noScript = await context.newPage();
  await noScript.goto("/rooms/1");
  const row = noScript.getByRole("list", { name: "Room A row, front", exact: true });
  await expect(row.getByRole("group", { name: "Cabinet A06 front elevation", exact: true })).toBeVisible();
  await expect(row.getByRole("group", { name: "Cabinet A08 front elevation", exact: true })).toHaveCount(0);
  await expect(row.getByRole("link", { name: "Open A08", exact: true })).toHaveAttribute("href", /^\/cabinets\/\d+$/);
  await context.close();
});

test("a chassis shows its sleds, a spare says where it is stocked, and a hostname in capitals finds its device", async ({ page }) => {
  await signIn(page, "viewer", "/devices/chassis-a02-u07");
  await expect(page.getByRole("group", { name: "Chassis chassis-a02-u07 front, bays numbered row by row from the top left", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Bays", exact: true }).getByRole("link", { name: /redis-02/ })).toHaveAttribute("href", "/devices/redis-02");
  await expect(page.getByRole("group", { name: "Cabinet A02 front elevation; highlighted: chassis-a02-u07 at U7–U8", exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/chassis.png", fullPage: true });

  await page.goto("/devices/spare-01");
  await expect(page.getByRole("navigation", { name: "Location", exact: true })).toContainText("Not placed — in stock at ORD1");
  await expect(page.getByRole("region", { name: "Power", exact: true })).toContainText("Not placed, so not powered.");
  await expect(page.getByRole("region", { name: "Cabinet", exact: false })).toHaveCount(0);

  await page.goto("/devices/REDIS-01");
  await expect(page).toHaveURL("/devices/redis-01");
});
