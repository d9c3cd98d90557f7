import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";
import { E2E_USERS } from "./users";

test("sign in, see the dashboard, sign out, and be sent back to sign-in from an inventory page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, "editor");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/cabinets");
  await expect(page).toHaveURL(/\/login\?next=%2Fcabinets/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a wrong password gets a clear message and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(E2E_USERS.viewer.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert", { name: "That e-mail and password do not match an account." })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("after sign-in the operator lands where they were going", async ({ page }) => {
  await page.goto("/services");
  await expect(page).toHaveURL(/\/login\?next=%2Fservices/);
  await page.getByLabel("E-mail").fill(E2E_USERS.viewer.email);
  await page.getByLabel("Password").fill(E2E_USERS.viewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/services");
});

test("an admin creates an API token, sees it once, and can revoke it", async ({ page, request }) => {
  await signIn(page, "admin");
  await page.goto("/admin/tokens");
  await page.getByLabel("Name").fill("e2e-script");
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("New API token").inputValue();
  expect(token).toMatch(/^rmk_[A-Za-z0-9_-]{43}$/);
  const health = await request.get("/api/v1/whoami", { headers: { Authorization: `Bearer ${token}` } });
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ kind: "api_token", role: "viewer", name: "e2e-script" });
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("row", { name: /e2e-script/ }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("row", { name: /e2e-script/ }).getByText(/revoked/)).toBeVisible();
  const after = await request.get("/api/v1/whoami", { headers: { Authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});

test("a viewer cannot open admin pages", async ({ page }) => {
  await signIn(page, "viewer");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Your role does not allow this page" })).toBeVisible();
});
