// Creating: a new cabinet in Room A from the room's page, a taken name refused with a sentence, the
// feeds written like the CSV; the cabinet then stands in the room, and its feeds are edited on its
// form (one devices draw on is not removed), and it is deleted again. Viewers are not offered "New …"; editors "connect".
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("a new cabinet is created in Room A with its feeds and appears on the room's page", async ({ page }) => {
  await signIn(page, "editor", "/sites/1");
  await page.getByRole("link", { name: "Room A", exact: true }).first().click();
  await expect(page).toHaveURL(/\/rooms\/\d+$/);
  const roomUrl = page.url();
  await page.getByRole("link", { name: "New cabinet here" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New cabinet in ORD1/Room A" })).toBeVisible();
  await expect(page.getByLabel("Height (U)")).toHaveValue("42");

  await page.getByLabel("Name").fill("A01");
  await page.getByRole("textbox", { name: "Power feeds" }).fill("A:UPS-1;B:UPS-2");
  await page.getByRole("button", { name: "Create cabinet" }).click();
  await expect(page.getByText("A cabinet named A01 already exists in ORD1.", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  // a refused create keeps what was typed
  await expect(page.getByRole("textbox", { name: "Power feeds" })).toHaveValue("A:UPS-1;B:UPS-2");
  await page.screenshot({ path: "/tmp/create-cabinet-taken.png", fullPage: true });

  await page.getByLabel("Name").fill("A09");
  await page.getByRole("button", { name: "Create cabinet" }).click();
  await expect(page).toHaveURL(/\/cabinets\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("A09");
  const feeds = page.getByRole("table", { name: "Power feeds" });
  await expect(feeds.getByRole("row", { name: /^A UPS-1/ })).toBeVisible();
  await expect(feeds.getByRole("row", { name: /^B UPS-2/ })).toBeVisible();

  const cabinetUrl = page.url();

  await page.goto(roomUrl);
  await expect(page.getByRole("list", { name: "Cabinets in Room A" }).getByRole("link", { name: /^A09/ })).toBeVisible();
  await page.screenshot({ path: "/tmp/create-cabinet-room.png", fullPage: true });

  // its feeds are edited on the cabinet form, in the same notation
  await page.goto(`${cabinetUrl}/edit`);
  await expect(page.getByRole("textbox", { name: "Power feeds" })).toHaveValue("A:UPS-1;B:UPS-2");
  await page.getByRole("textbox", { name: "Power feeds" }).fill("A:UPS-1");
  await page.getByRole("button", { name: "Save cabinet" }).click();
  await expect(page).toHaveURL(cabinetUrl);
  await expect(feeds.getByRole("row")).toHaveCount(2);

  // and deleted again (it is empty), so the specs after this one see the demo's rooms as they were
  await page.goto(`${cabinetUrl}/edit`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete cabinet ORD1/A09" }).click();
  await expect(page).toHaveURL(/\/sites\/\d+$/);
  await page.goto(roomUrl);
  await expect(page.getByRole("list", { name: "Cabinets in Room A" }).getByRole("link", { name: /^A0/ })).toHaveCount(8);
});

test("a feed that devices draw on is not removed from a cabinet, and the refusal names them", async ({ page }) => {
  await signIn(page, "editor", "/devices/tor-a01-a");
  await page.getByRole("navigation", { name: "Location", exact: true }).getByRole("link", { name: "A01", exact: true }).click();
  await page.getByRole("link", { name: "Edit cabinet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit cabinet ORD1/A01" })).toBeVisible();
  const field = page.getByRole("textbox", { name: "Power feeds" });
  const before = await field.inputValue();
  expect(before).toMatch(/^A:UPS-\d+;B:UPS-\d+$/);
  await field.fill(before.split(";")[0]!);
  await page.getByRole("button", { name: "Save cabinet" }).click();
  await expect(page.getByText(/^Feed B of A01 still powers .+: give them another feed first\.$/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Devices in the way" }).getByRole("link", { name: "tor-a01-a", exact: true })).toBeVisible();
  await page.screenshot({ path: "/tmp/edit-cabinet-feeds.png", fullPage: true });
});

test("a viewer is not offered the New links", async ({ page }) => {
  await signIn(page, "viewer", "/cabinets");
  await expect(page.getByRole("heading", { level: 1, name: "Cabinets" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New cabinet" })).toHaveCount(0);
});

test("an editor is offered disconnect on a cabled interface and a connect form for an interface", async ({ page }) => {
  await signIn(page, "editor", "/devices/redis-01");
  const network = page.locator("#network");
  await expect(network.getByRole("button", { name: "disconnect" }).first()).toBeVisible();
  await page.screenshot({ path: "/tmp/create-device-network.png", fullPage: true });
  const href = await network.getByRole("link", { name: "Edit eth0", exact: true }).getAttribute("href");
  await page.goto(href!.replace(/\/edit$/, "/connect"));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Connect redis-01 eth0");
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByText("Give the hostname of the device at the other end.")).toBeVisible();
  await page.screenshot({ path: "/tmp/create-connect.png", fullPage: true });
});

test("a new model or service with a name already taken is refused with a sentence, keeping what was typed", async ({ page }) => {
  await signIn(page, "editor", "/models");
  await page.getByRole("link", { name: "New model" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New model" })).toBeVisible();
  await page.getByLabel("Name").fill("Generic 1U switch");
  await page.getByLabel("Kind").selectOption("switch");
  await page.getByRole("button", { name: "Create model" }).click();
  await expect(page.getByText("A model named Generic 1U switch already exists.", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Kind")).toHaveValue("switch");
  await page.screenshot({ path: "/tmp/create-model-taken.png", fullPage: true });

  await page.goto("/services");
  await page.getByRole("link", { name: "New service" }).click();
  await page.getByLabel("Name").fill("redis");
  await page.getByLabel("Members", { exact: true }).fill("redis-01 master");
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByText("A service named redis already exists.", { exact: true })).toBeVisible();
});
