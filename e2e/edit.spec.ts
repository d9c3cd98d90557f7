// Editing: move a device into a taken U and read the sentence naming the occupant, then pick a free
// U on the position picker with the keyboard and see the elevation change; a stale save refused with
// who changed the device; a cabinet that holds devices not deleted, with the list.
// In the demo, A01 holds api-20 at U19–U20 and db-master-01 at U17–U18; U21–U39 are free.
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("a device moved into a taken U is refused naming the occupant, then moved to a free U", async ({ page }) => {
  await signIn(page, "editor", "/devices/api-20");
  await page.getByRole("link", { name: "Edit or move" }).click();
  await expect(page).toHaveURL("/devices/api-20/edit");
  await expect(page.getByRole("heading", { level: 1, name: "Edit api-20" })).toBeVisible();

  const lowestU = page.getByLabel("Lowest U");
  const modelBefore = await page.getByLabel("Model").inputValue();
  expect(modelBefore).not.toBe("");
  await expect(lowestU).toHaveValue("19");
  await lowestU.fill("17");
  await page.getByRole("button", { name: "Save device" }).click();
  await expect(page.getByText("U17–U18 of A01 front are taken by db-master-01.", { exact: true })).toBeVisible();
  await expect(lowestU).toHaveAttribute("aria-invalid", "true");
  // a refused save keeps everything as it was entered
  await expect(page.getByLabel("Model")).toHaveValue(modelBefore);
  await page.screenshot({ path: "/tmp/edit-device-taken.png", fullPage: true });

  // the picker: one tab stop, arrow keys between free positions, Enter picks
  const picker = page.getByRole("group", { name: "Free positions in A01 front" });
  await expect(picker.getByText("db-master-01")).toBeVisible();
  await picker.getByRole("button", { name: "U24–U25 free" }).focus();
  await page.keyboard.press("ArrowUp");
  await expect(picker.getByRole("button", { name: "U25–U26 free" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(lowestU).toHaveValue("25");
  await expect(picker.getByRole("button", { name: "U25–U26 free" })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("button", { name: "Save device" }).click();
  await expect(page).toHaveURL("/devices/api-20");
  await expect(page.getByRole("group", { name: "Cabinet A01 front elevation; highlighted: api-20 at U25–U26", exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Location", exact: true })).toContainText("U25–U26 front");
});

test("a stale save is refused with who changed the device and its current values", async ({ browser, page }) => {
  await signIn(page, "editor", "/devices/api-22/edit");
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, "admin", "/devices/api-22/edit");
  await otherPage.getByLabel("Role").fill("api (changed by admin)");
  await otherPage.getByRole("button", { name: "Save device" }).click();
  await expect(otherPage).toHaveURL("/devices/api-22");
  await other.close();

  await page.getByRole("textbox", { name: "OS", exact: true }).fill("Ubuntu 24.04 (editor)");
  await page.getByRole("button", { name: "Save device" }).click();
  const notice = page.getByRole("alert", { name: "Changed since you opened it" });
  await expect(notice).toContainText(/It was changed by admin@e2e\.test at \d{4}-\d\d-\d\d \d\d:\d\d UTC since you opened it\./);
  await expect(notice.getByRole("row", { name: /^Role api \(changed by admin\)/ })).toBeVisible();
  await page.screenshot({ path: "/tmp/edit-device-stale.png", fullPage: true });

  // nothing of the editor's was saved; saving again is a deliberate overwrite
  await page.getByRole("button", { name: "Save mine anyway" }).click();
  await expect(page).toHaveURL("/devices/api-22");
  await expect(page.getByRole("region", { name: "Details" })).toContainText("Ubuntu 24.04 (editor)");
});

test("a cabinet that holds devices is not deleted, and the refusal lists them", async ({ page }) => {
  await signIn(page, "editor", "/cabinets");
  await page.goto("/devices/tor-a01-a");
  await page.getByRole("navigation", { name: "Location", exact: true }).getByRole("link", { name: "A01", exact: true }).click();
  await page.getByRole("link", { name: "Edit cabinet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit cabinet ORD1/A01" })).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete cabinet ORD1/A01" }).click();
  await expect(page.getByRole("alert", { name: /^Cabinet ORD1\/A01 still holds \d+ devices: move or delete them first\.$/ })).toBeVisible();
  const list = page.getByRole("list", { name: "Devices in the way" });
  await expect(list.getByRole("link", { name: "db-master-01", exact: true })).toHaveAttribute("href", "/devices/db-master-01");
  await expect(list.getByRole("link", { name: "tor-a01-a", exact: true })).toBeVisible();
});

test("an interface is edited from its device's page", async ({ page }) => {
  await signIn(page, "editor", "/devices/redis-01");
  const network = page.getByRole("table", { name: "Network interfaces", exact: true });
  await network.getByRole("link", { name: "Edit eth1" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit redis-01 eth1" })).toBeVisible();
  await page.getByRole("textbox", { name: "IP", exact: true }).fill("10.99.0.1/24");
  const mac = page.getByRole("textbox", { name: "MAC" });
  const macBefore = await mac.inputValue();
  await mac.fill("not-a-mac");
  await page.getByRole("button", { name: "Save interface" }).click();
  await expect(page.getByText(/"not-a-mac" is not a MAC address/)).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Member of bond" })).toHaveValue("bond0");
  await mac.fill(macBefore);
  await page.getByRole("button", { name: "Save interface" }).click();
  await expect(page).toHaveURL("/devices/redis-01#network");
  await expect(network.getByRole("row", { name: /eth1/ })).toContainText("10.99.0.1/24");
});
