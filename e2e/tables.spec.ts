import { expect, test, type Page } from "@playwright/test";
import { query } from "./database";
import { signIn } from "./sign-in";

// The devices table: filter by cabinet and role, sort by U, and share the URL with someone else, who
// sees the same view. Everything a mouse does here the keyboard does too.

// the cells of one column, top to bottom
async function column(page: Page, id: string): Promise<string[]> {
  return page.getByRole("table", { name: "Devices", exact: true }).locator(`tbody td[data-column="${id}"]`).allInnerTexts();
}

test("filter devices by cabinet and role, sort by U, and share the view", async ({ page, browser, baseURL }) => {
  const [{ role } = { role: "" }] = await query<{ role: string }>(
    // the role most devices in A01 have, sleds in its chassis included (they share their chassis' U)
    `SELECT d.role FROM device d LEFT JOIN device ch ON ch.id = d.chassis_id JOIN cabinet c ON c.id = COALESCE(d.cabinet_id, ch.cabinet_id)
     WHERE c.name = 'A01' AND d.role <> '' GROUP BY d.role ORDER BY count(*) DESC, d.role LIMIT 1`,
  );
  const expected = await query<{ hostname: string; u: number }>(
    `SELECT d.hostname, COALESCE(d.u_low, ch.u_low) AS u FROM device d LEFT JOIN device ch ON ch.id = d.chassis_id
     JOIN cabinet c ON c.id = COALESCE(d.cabinet_id, ch.cabinet_id)
     WHERE c.name = 'A01' AND d.role ILIKE '%' || $1 || '%' ORDER BY 2, d.id`,
    [role],
  );
  expect(expected.length).toBeGreaterThan(1);

  await signIn(page, "editor", "/devices");
  await page.goto("/devices");
  await expect(page.getByRole("heading", { name: "Devices", level: 1 })).toBeVisible();

  // filters: typed into the column's own box, applied with Enter
  await page.getByRole("textbox", { name: "Filter Cabinet" }).fill("A01");
  await page.getByRole("textbox", { name: "Filter Role" }).fill(role);
  await page.getByRole("textbox", { name: "Filter Role" }).press("Enter");
  await expect(page).toHaveURL(/f\.cabinet=A01/);
  await expect(page).toHaveURL(new RegExp(`f\\.role=${role}`));

  // sort by U from the keyboard
  const sortByU = page.getByRole("button", { name: /^U\b/ });
  await sortByU.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=u&dir=asc/);
  await expect(page.getByRole("columnheader", { name: /^U\b/ })).toHaveAttribute("aria-sort", "ascending");

  await expect.poll(() => column(page, "hostname")).toEqual(expected.map((d) => d.hostname));
  expect(await column(page, "cabinet")).toEqual(expected.map(() => "A01"));
  const units = (await column(page, "u")).map(Number);
  expect(units).toEqual([...units].sort((a, b) => a - b));
  await expect(page.getByRole("status").filter({ hasText: "match" })).toHaveText(`${expected.length} devices match`);
  await page.screenshot({ path: "test-results/screenshots/devices-table.png", fullPage: true });

  // someone else opens the same address: the same rows, in the same order, sorted the same way
  const shared = page.url();
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signIn(otherPage, "viewer", shared.slice(new URL(shared).origin.length));
  await expect(otherPage).toHaveURL(shared);
  await expect(otherPage.getByRole("textbox", { name: "Filter Cabinet" })).toHaveValue("A01");
  await expect(otherPage.getByRole("columnheader", { name: /^U\b/ })).toHaveAttribute("aria-sort", "ascending");
  expect(await column(otherPage, "hostname")).toEqual(expected.map((d) => d.hostname));
  // a viewer sees the rows, not the bulk actions
  await expect(otherPage.getByRole("checkbox", { name: "Select all rows on this page" })).toHaveCount(0);
  await other.close();
});

test("a table's links open inside the app, and the header checkbox selects the whole page", async ({ page }) => {
  await signIn(page, "editor", "/devices");
  await page.goto("/devices?size=25");
  const table = page.getByRole("table", { name: "Devices", exact: true });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(25);

  // select all, then one off: the bulk bar counts what is selected, the header shows "some"
  const all = page.getByRole("checkbox", { name: "Select all rows on this page" });
  await all.check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk).toContainText("25 selected");
  const [first] = await column(page, "hostname");
  await page.getByRole("checkbox", { name: `Select ${first}` }).uncheck();
  await expect(bulk).toContainText("24 selected");
  expect(await all.evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
  // from "some", the header selects all again; then none
  await all.check();
  await expect(bulk).toContainText("25 selected");
  await all.uncheck();
  await expect(bulk).toHaveCount(0);

  // the hostname is a plain link, followed without reloading the page (the marker survives)
  await page.evaluate(() => ((window as unknown as { rackmapMarker: string }).rackmapMarker = "kept"));
  await table.getByRole("link", { name: first, exact: true }).click();
  await expect(page).toHaveURL(`/devices/${encodeURIComponent(first!)}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(first!);
  expect(await page.evaluate(() => (window as unknown as { rackmapMarker?: string }).rackmapMarker)).toBe("kept");
});

test("columns can be hidden and reordered, and the choice is in the URL and remembered", async ({ page }) => {
  await signIn(page, "viewer", "/devices");
  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("checkbox", { name: "Serial" }).uncheck();
  await expect(page).toHaveURL(/cols=/);
  expect(page.url()).not.toMatch(/cols=[^&]*serial/);
  await page.getByRole("button", { name: "Move Model left" }).click();
  await expect(page).toHaveURL(/cols=model%2Chostname/);
  await expect(page.getByRole("columnheader").nth(0)).toHaveText(/^Model/);
  // the plain address shows the remembered columns
  await page.goto("/devices");
  await expect(page.getByRole("columnheader").nth(0)).toHaveText(/^Model/);
  await expect(page.getByRole("columnheader", { name: /^Serial/ })).toHaveCount(0);
});

test("page through the devices with keyset links, and export the view as CSV", async ({ page }) => {
  await signIn(page, "viewer", "/devices?size=25");
  const first = await column(page, "hostname");
  expect(first).toHaveLength(25);
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/after=/);
  const second = await column(page, "hostname");
  expect(second[0]! > first.at(-1)!).toBe(true);
  await page.getByRole("link", { name: "← Previous" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect.poll(() => column(page, "hostname")).toEqual(first);

  await page.goto("/devices?f.cabinet=A01&sort=u&dir=desc");
  const href = await page.getByRole("link", { name: "Export this view (CSV)" }).getAttribute("href");
  expect(href).toMatch(/^\/api\/v1\/tables\/devices\/export\?/);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const lines = (await response.text()).trim().split("\r\n");
  expect(lines[0]).toMatch(/^Hostname,Model,/);
  expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(await column(page, "hostname"));
});

test("an editor changes the status of selected devices, and a delete that would orphan sleds is refused", async ({ page }) => {
  const [{ status } = { status: "" }] = await query<{ status: string }>("SELECT status::text FROM device WHERE hostname = 'spare-01'");
  expect(status).not.toBe("offline");
  await signIn(page, "editor", "/devices?f.hostname=%3Dspare-01");
  await page.getByRole("checkbox", { name: "Select spare-01" }).check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk).toContainText("1 selected");
  await expect(bulk.getByRole("link", { name: "Add to work order" })).toHaveAttribute("href", "/work-orders/new?hosts=spare-01");
  await bulk.getByLabel("New status").selectOption("offline");
  await bulk.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Status set to offline on 1 device." })).toBeVisible();
  await expect.poll(() => column(page, "status")).toEqual(["offline"]);
  const [audit] = await query<{ before: unknown; after: unknown }>(
    "SELECT before, after FROM audit_log WHERE object_type = 'device' AND object_label = 'spare-01' ORDER BY id DESC LIMIT 1",
  );
  expect(audit?.after).toEqual({ status: "offline" });
  // and back, so other specs find spare-01 as the demo made it
  await page.getByRole("checkbox", { name: "Select spare-01" }).check();
  await page.getByLabel("New status").selectOption(status);
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Status set to ${status} on 1 device.` })).toBeVisible();

  // a chassis with its sleds not selected: refused, nothing deleted
  const [chassis] = await query<{ hostname: string }>(
    "SELECT ch.hostname FROM device ch WHERE EXISTS (SELECT 1 FROM device s WHERE s.chassis_id = ch.id) ORDER BY ch.hostname LIMIT 1",
  );
  await page.goto(`/devices?f.hostname=%3D${chassis!.hostname}`);
  await page.getByRole("checkbox", { name: `Select ${chassis!.hostname}` }).check();
  await page.getByRole("button", { name: "Delete…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete 1 device?" });
  await expect(dialog).toContainText(chassis!.hostname);
  await dialog.getByRole("button", { name: "Delete 1 device" }).click();
  // (the route announcer is an alert too)
  const refusal = page.getByRole("alert").filter({ hasText: "still holds sleds" });
  await expect(refusal).toContainText(`${chassis!.hostname} still holds sleds that are not selected`);
  await expect(refusal).toContainText("Nothing was deleted.");
  expect(await query("SELECT 1 FROM device WHERE hostname = $1", [chassis!.hostname])).toHaveLength(1);
});

test("every inventory list is a table that sorts and filters on the server", async ({ page }) => {
  await signIn(page, "viewer", "/sites");
  const lists = [
    { path: "/sites", label: "Sites", sort: "Devices", filter: "Site", value: "ORD1" },
    { path: "/rooms", label: "Rooms", sort: "Cabinets", filter: "Room", value: "Room B" },
    { path: "/cabinets", label: "Cabinets", sort: "Free U", filter: "Cabinet", value: "B0" },
    { path: "/models", label: "Models", sort: "Height (U)", filter: "Manufacturer", value: "Dell" },
    { path: "/nics", label: "Nics", sort: "Speed (Mbps)", filter: "Driver", value: "bnx2" },
    { path: "/switch-ports", label: "Switch ports", sort: "Connected device", filter: "Switch", value: "a01" },
    { path: "/cables", label: "Cables", sort: "B cabinet", filter: "A device", value: "db-" },
    { path: "/services?view=table", label: "Services", sort: "Members", filter: "Service", value: "db" },
  ];
  for (const list of lists) {
    await page.goto(list.path);
    const table = page.getByRole("table", { name: list.label, exact: true });
    await expect(table.locator("tbody tr").first()).toBeVisible();
    // the label, then nothing that continues a word ("U" is not "Used")
    const name = new RegExp(`^${list.sort.replace(/[()]/g, "\\$&")}(?!\\w)`);
    await table.getByRole("button", { name }).click();
    await expect(page).toHaveURL(/sort=/);
    await expect(table.getByRole("columnheader", { name })).toHaveAttribute("aria-sort", "ascending");
    await table.getByRole("textbox", { name: `Filter ${list.filter}`, exact: true }).fill(list.value);
    await table.getByRole("textbox", { name: `Filter ${list.filter}`, exact: true }).press("Enter");
    await expect(page).toHaveURL(/f\./);
    await expect(page.getByRole("status").filter({ hasText: "match" })).toBeVisible();
    const cells = await table.locator("tbody td[data-column]").filter({ hasText: new RegExp(list.value, "i") }).count();
    expect(cells, `${list.path} filtered on ${list.filter}`).toBeGreaterThan(0);
    if (list.path === "/cabinets") await page.screenshot({ path: "test-results/screenshots/cabinets-table.png", fullPage: true });
  }
  // the services table keeps its own view parameter while sorting and filtering
  expect(page.url()).toContain("view=table");
});
