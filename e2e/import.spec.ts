import { expect, test } from "@playwright/test";
import { apiToken, query } from "./database";
import { signIn } from "./sign-in";

// Cabinet A03 of the demo holds R710s and 2950s from U1 to U26; U27 and up (below the TORs) are free.
const header = "hostname,model,role,status,site,cabinet,u,power,serial,notes";
const good1 = "e2e-import-01,PowerEdge R710,app,planned,ORD1,A03,27,A;B,E2EIMP01,racked by the import test";
const good2 = "e2e-import-02,PowerEdge R710,app,planned,ORD1,A03,29,A;B,E2EIMP02,";
// row 3: U2 is taken by the demo's own servers; row 4: there is no cabinet C99
const badUnits = "e2e-import-03,PowerEdge R710,app,planned,ORD1,A03,2,A;B,E2EIMP03,";
const badCabinet = "e2e-import-04,PowerEdge R710,app,planned,ORD1,C99,31,,E2EIMP04,";
const fixedUnits = "e2e-import-03,PowerEdge R710,app,planned,ORD1,A03,31,A;B,E2EIMP03,";
const fixedCabinet = "e2e-import-04,PowerEdge R710,app,planned,ORD1,A03,33,A;B,E2EIMP04,";

const csv = (...rows: string[]) => Buffer.from(`${[header, ...rows].join("\r\n")}\r\n`);
const importedDevices = async () => Number((await query<{ n: string }>("SELECT count(*) AS n FROM device WHERE hostname LIKE 'e2e-import-%'"))[0]!.n);

test("an editor uploads devices with two bad rows, sees both highlighted, fixes the file, applies, and finds the new server", async ({ page }) => {
  await signIn(page, "editor", "/import");
  await expect(page.getByRole("heading", { name: "Import and export", level: 1 })).toBeVisible();
  const file = page.getByLabel("CSV file", { exact: true });

  await file.setInputFiles({ name: "devices.csv", mimeType: "text/csv", buffer: csv(good1, badUnits, badCabinet, good2) });
  const problems = page.getByRole("list", { name: "Problems" });
  await expect(problems.getByRole("listitem")).toHaveCount(2);
  await expect(problems.getByRole("listitem").nth(0)).toContainText("row 3, u");
  await expect(problems.getByRole("listitem").nth(0)).toContainText(/U2–U3 of ORD1\/A03 front (is|are) taken by/);
  await expect(problems.getByRole("listitem").nth(1)).toContainText("row 4, cabinet");
  await expect(problems.getByRole("listitem").nth(1)).toContainText("Cabinet ORD1/C99 does not exist: add it in cabinets.csv first.");

  const preview = page.getByRole("table", { name: "Preview of the file" });
  const highlighted = preview.locator('[aria-invalid="true"]');
  await expect(highlighted).toHaveCount(2);
  await expect(preview.locator('tr[data-row="3"] [aria-invalid="true"]')).toContainText("taken by");
  await expect(preview.locator('tr[data-row="4"] [aria-invalid="true"]')).toContainText("C99");
  await expect(preview.locator('tr[data-row="2"]')).toContainText("create");
  await expect(page.getByRole("link", { name: "Download errors as CSV" })).toHaveAttribute("download", "devices-errors.csv");
  await expect(page.getByRole("button", { name: "Apply" })).toBeDisabled();
  await page.screenshot({ path: "test-results/screenshots/import-problems.png", fullPage: true });
  expect(await importedDevices()).toBe(0);

  await file.setInputFiles({ name: "devices.csv", mimeType: "text/csv", buffer: csv(good1, fixedUnits, fixedCabinet, good2) });
  await expect(page.getByText("No problems found.")).toBeVisible();
  await expect(preview.locator('[aria-invalid="true"]')).toHaveCount(0);
  expect(await importedDevices()).toBe(0);
  await page.getByRole("button", { name: "Apply" }).click();

  const done = page.getByRole("status").filter({ hasText: "Imported devices.csv as devices" });
  await expect(done).toBeVisible();
  await expect(done.locator("dd").first()).toHaveText("4");
  expect(await importedDevices()).toBe(4);
  const auditLink = page.getByRole("link", { name: "See these changes in the audit log" });
  await expect(auditLink).toHaveAttribute("href", /^\/audit\?batchId=[0-9a-f-]{36}$/);
  await page.screenshot({ path: "test-results/screenshots/import-applied.png", fullPage: true });

  await auditLink.click();
  await expect(page).toHaveURL(/\/audit\?batchId=/);
  await expect(page.getByText("e2e-import-01").first()).toBeVisible();

  await page.goto("/devices/e2e-import-01");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("e2e-import-01");
  await expect(page.getByRole("link", { name: "A03" }).first()).toBeVisible();
  await expect(page.getByText("U27–U28").first()).toBeVisible();
});

test("a viewer sees the formats and export links, but cannot import", async ({ page }) => {
  await signIn(page, "viewer", "/import");
  await expect(page.getByText("Importing needs the editor role.")).toBeVisible();
  await expect(page.getByLabel("CSV file", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "CSV formats" })).toContainText("power_feeds");
  const exportLink = page.getByRole("link", { name: /Export devices/ });
  await expect(exportLink).toHaveAttribute("href", "/api/v1/export/devices");
  const download = await page.request.get("/api/v1/export/devices");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("text/csv");
  expect(download.headers()["content-disposition"]).toBe('attachment; filename="devices.csv"');
  expect((await download.text()).split("\r\n")[0]).toBe("hostname,model,role,status,serial,asset_tag,site,cabinet,u,face,chassis,bay,power,oob_ip,primary_ip,os,notes");
});

test("over the API: a dry run reports without writing, a bad file is 422, an unknown kind 404", async ({ request }) => {
  const headers = { Authorization: `Bearer ${apiToken("editor")}`, "Content-Type": "text/csv" };
  const body = "service,hostname,role,min_up\ne2e-api-service,app-01,member,1\n";
  const dry = await request.post("/api/v1/import/services?dry_run=1", { headers, data: body });
  expect(dry.status()).toBe(200);
  expect(await dry.json()).toMatchObject({ ok: true, dryRun: true, created: 1, updated: 0, unchanged: 0, alsoCreated: [{ type: "service", key: "e2e-api-service" }], errors: [] });
  expect(await query("SELECT 1 FROM service WHERE name = 'e2e-api-service'")).toHaveLength(0);

  const bad = await request.post("/api/v1/import/services", { headers, data: "service,hostname\ne2e-api-service,no-such-host\n" });
  expect(bad.status()).toBe(422);
  expect(await bad.json()).toMatchObject({ ok: false, errors: [{ row: 2, column: "hostname", message: expect.stringContaining("no-such-host") }] });

  expect((await request.post("/api/v1/import/widgets", { headers, data: body })).status()).toBe(404);
  const viewer = await request.post("/api/v1/import/services", { headers: { ...headers, Authorization: `Bearer ${apiToken("viewer")}` }, data: body });
  expect(viewer.status()).toBe(403);
});
