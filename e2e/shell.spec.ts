import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("the home page shows the shell and the demo site's rooms and cabinets", async ({ page }) => {
  await signIn(page, "viewer");
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("link", { name: "Rackmap" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const section of ["Sites", "Cabinets", "Devices", "Services", "Work orders", "Import"]) {
    await expect(nav.getByRole("link", { name: section })).toBeVisible();
  }
  await expect(page.getByRole("search")).toBeVisible();
  await expect(page.getByRole("heading", { name: /ORD1/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Room A/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Room B/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /^A01\b/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /^B08\b/ })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/home.png", fullPage: true });
});

test("each section of the navigation opens a page with real data", async ({ page }) => {
  await signIn(page, "viewer");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Cabinets" }).click();
  await expect(page.getByRole("heading", { name: "Cabinets", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "A01", exact: true })).toBeVisible();
  await nav.getByRole("link", { name: "Devices" }).click();
  await expect(page.getByRole("heading", { name: "Devices", level: 1 })).toBeVisible();
  await nav.getByRole("link", { name: "Services" }).click();
  await expect(page.getByText("basecamp-db")).toBeVisible();
  await nav.getByRole("link", { name: "Sites" }).click();
  await expect(page.getByText("ORD1").first()).toBeVisible();
});
