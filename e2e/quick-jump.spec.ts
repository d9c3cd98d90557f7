// The Ctrl-K palette: from any page, to a device found by its service tag, to a cabinet by name, and
// to a page, with the keyboard alone.
import { expect, test } from "@playwright/test";
import { planDatacenter } from "../lib/demo/datacenter-plan";
import { signIn } from "./sign-in";

const plan = planDatacenter();

test("Ctrl-K jumps to a device by service tag, a cabinet by name and a page, without the mouse", async ({ page }) => {
  await signIn(page, "viewer");
  const palette = page.getByRole("dialog", { name: /Jump to a page/ });
  const box = palette.getByRole("combobox", { name: "Jump to" });

  const sled = plan.deliberateMistakes!.redisInOneChassis.hostnames[0]!;
  const serial = plan.devices.find((d) => d.hostname === sled)!.serial!;
  await page.keyboard.press("Control+k");
  await expect(box).toBeFocused();
  await box.fill(serial.toLowerCase());
  await expect(palette.getByRole("option", { name: new RegExp(sled) })).toBeVisible();
  await box.press("Enter");
  await expect(page).toHaveURL(`/devices/${sled}`);
  await expect(palette).toBeHidden();

  await page.keyboard.press("Control+k");
  await box.fill("ORD1/B04");
  const cabinet = palette.getByRole("option", { name: /Cabinet\s*B04/ });
  await expect(cabinet).toBeVisible();
  await expect(cabinet).toHaveAttribute("aria-selected", "true");
  await page.screenshot({ path: "e2e/screenshots/quick-jump.png" });
  await box.press("Enter");
  await expect(page).toHaveURL(/\/cabinets\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("B04");

  await page.keyboard.press("Control+k");
  await box.fill("find");
  await box.press("Enter");
  await expect(page).toHaveURL("/findings");

  await page.keyboard.press("Control+k");
  await box.fill("nothing-is-called-this");
  await expect(palette.getByText("No matches.")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
});
