// The failure-domain pages on the demo datacenter: a what-if from both TORs of a cabinet to a work order for
// remote hands, the services' single points of failure, the domain browser and the findings.
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("what-if: both TORs of A01 fail, then its out-of-band switch too, and the hosts that need hands become a work order", async ({ page }) => {
  await signIn(page, "editor", "/what-if");
  await expect(page.getByRole("heading", { name: "What if…", level: 1 })).toBeVisible();

  // search as you type: the datalist offers both TORs of A01
  const input = page.getByLabel("Add a failure domain");
  await input.fill("tor-a01");
  await expect(page.locator('datalist option[value="device:tor-a01-a"]')).toBeAttached();
  await expect(page.locator('datalist option[value="device:tor-a01-b"]')).toBeAttached();
  await input.fill("device:tor-a01-a");
  await input.press("Enter");
  await expect(page).toHaveURL("/what-if?f=device:tor-a01-a");
  await page.getByLabel("Add a failure domain").fill("device:tor-a01-b");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page).toHaveURL("/what-if?f=device:tor-a01-a&f=device:tor-a01-b");

  // every host of A01 is cut off, with the reason; app-07's bond was on one TOR only
  const down = page.getByRole("table", { name: "Down hosts" });
  await expect(down.getByRole("row", { name: /^app-01\b/ })).toContainText("both uplinks lost: tor-a01-a, tor-a01-b down");
  await expect(down.getByRole("row", { name: /^app-07\b/ })).toContainText("both uplinks lost: tor-a01-a down");
  await expect(page.getByRole("table", { name: "Services hurt" }).getByRole("row", { name: /basecamp-db/ })).toContainText("at risk");
  // out-of-band management still reaches them: nobody needs hands yet
  await expect(page.getByText("No host needs hands")).toBeVisible();

  // the Dec 4 story: the OOB switch is gone too
  await page.getByLabel("Add a failure domain").fill("device:mgmt-a");
  await page.getByLabel("Add a failure domain").press("Enter");
  await expect(page).toHaveURL("/what-if?f=device:tor-a01-a&f=device:tor-a01-b&f=device:mgmt-a");
  const hands = page.getByRole("table", { name: "Hosts that need hands" });
  await expect(hands.getByRole("row", { name: /app-01/ })).toContainText("out-of-band switch mgmt-a down");
  // walking order: the top of the cabinet first
  await expect(hands.getByRole("row").nth(1)).toContainText("tor-a01-a");
  await expect(hands.getByRole("row").nth(1)).toContainText("A01 · U42");
  const count = (await hands.getByRole("row").count()) - 1;
  expect(count).toBe(37);
  await expect(page.getByRole("list", { name: "Impact summary" })).toContainText("Need hands37");
  await page.screenshot({ path: "e2e/screenshots/what-if.png", fullPage: true });

  await page.getByRole("button", { name: `Create work order from the ${count} hosts that need hands` }).click();
  await expect(page).toHaveURL(/\/work-orders\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Power-cycle: device:tor-a01-a, device:tor-a01-b, device:mgmt-a failed");
  const items = page.getByRole("table", { name: "Items" });
  await expect(items.getByRole("row")).toHaveCount(count + 1);
  await expect(items.getByRole("row", { name: /app-01/ })).toContainText("Power-cycle");
  await expect(items.getByRole("row", { name: /app-01/ })).toContainText("both uplinks lost: tor-a01-a, tor-a01-b down; out-of-band switch mgmt-a down");
  await expect(items.getByRole("row").nth(1)).toContainText("tor-a01-a");
  await page.screenshot({ path: "e2e/screenshots/work-order-from-what-if.png" });
});

test("what-if names an unknown domain, and a viewer cannot make work orders", async ({ page }) => {
  await signIn(page, "viewer", "/what-if?f=cabinet:ORD1/Z99&f=device:tor-a01-a");
  await expect(page.getByRole("alert", { name: "Unknown failure domain" })).toContainText("cabinet:ORD1/Z99 matches no cabinet");
  await page.getByRole("link", { name: "Remove cabinet:ORD1/Z99" }).click();
  await expect(page).toHaveURL("/what-if?f=device:tor-a01-a");
  await page.goto("/what-if?f=room:ORD1/Room%20A");
  await expect(page.getByRole("table", { name: "Hosts that need hands" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Create work order/ })).toHaveCount(0);
  await expect(page.getByText("An editor can turn this list into a work order.")).toBeVisible();
});

test("services show their state and single points of failure, each a what-if link", async ({ page }) => {
  await signIn(page, "viewer", "/services");
  const db = page.getByRole("article", { name: "basecamp-db" });
  await expect(db).toContainText("ok");
  await expect(db.getByRole("link", { name: "nic driver bnx2", exact: true })).toHaveAttribute("href", "/what-if?f=nic_driver:bnx2");
  const redis = page.getByRole("article", { name: "redis" });
  await expect(redis.getByRole("link", { name: "device chassis-a02-u07" })).toBeVisible();
  await expect(redis.getByRole("link", { name: "redis-01" })).toHaveAttribute("href", "/devices/redis-01");
  await page.screenshot({ path: "e2e/screenshots/services.png", fullPage: true });

  await redis.getByRole("heading", { name: "redis" }).getByRole("link").click();
  await expect(page.getByRole("heading", { name: /redis/, level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Shared failure domains by member" }).getByRole("row", { name: /chassis-a02-u07/ })).toContainText("SPOF");
  await expect(page.getByRole("list", { name: "Spread advice" })).toContainText("redis-01 and redis-02 share chassis chassis-a02-u07: move one");
  await page.screenshot({ path: "e2e/screenshots/service-redis.png", fullPage: true });

  await page.goto("/services");
  await page.getByRole("article", { name: "basecamp-db" }).getByRole("link", { name: "nic driver bnx2", exact: true }).click();
  await expect(page.getByRole("table", { name: "Services hurt" }).getByRole("row", { name: /basecamp-db/ })).toContainText("outage");
});

test("the domain browser and the findings page", async ({ page }) => {
  await signIn(page, "viewer", "/domains");
  await page.getByRole("navigation", { name: "Domain types" }).getByRole("link", { name: "Power sources" }).click();
  const sources = page.getByRole("table", { name: "Power sources" });
  await expect(sources.getByRole("row")).toHaveCount(5);
  await page.getByRole("navigation", { name: "Domain types" }).getByRole("link", { name: "NIC drivers" }).click();
  await expect(page.getByRole("table", { name: "NIC drivers" }).getByRole("row", { name: /bnx2\b/ })).toContainText("basecamp-db");
  await page.screenshot({ path: "e2e/screenshots/domains.png", fullPage: true });

  await page.goto("/findings");
  const bond = page.getByRole("region", { name: /Bond on one switch/ });
  await expect(bond.getByRole("link", { name: "app-07" })).toHaveAttribute("href", "/devices/app-07");
  await expect(page.getByRole("region", { name: /Cabinet fed from one power source/ })).toContainText("all come from ORD1/UPS-");
  await page.screenshot({ path: "e2e/screenshots/findings.png", fullPage: true });
});
