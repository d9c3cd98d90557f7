// Asks every page, API route and server action of e2e/access-matrix.ts as anonymous, viewer,
// editor and admin, and checks the answer: sign-in redirect or 401, 403, or success.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { ACTIONS, API, PAGES, type Access } from "./access-matrix";
import { E2E_USERS, type E2ERole } from "./users";

type Who = "anonymous" | E2ERole;
const WHO: Who[] = ["anonymous", "viewer", "editor", "admin"];
const RANK: Record<Access, number> = { public: 0, viewer: 1, editor: 2, admin: 3 };
const rankOf = (who: Who) => (who === "anonymous" ? 0 : RANK[who]);

async function requestAs(browser: Browser, who: Who, baseURL: string): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL });
  if (who !== "anonymous") {
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("E-mail").fill(E2E_USERS[who].email);
    await page.getByLabel("Password").fill(E2E_USERS[who].password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.close();
  }
  return context.request;
}

// Server actions are called the way React calls them: their id from the build's manifest, the
// arguments encoded with React's own encodeReply.
const require = createRequire(__filename);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (args: unknown[]) => Promise<FormData | string>;
};
const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
  node: Record<string, { filename: string; exportedName: string }>;
};
function actionId(file: string, name: string): string {
  const entry = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!entry) throw new Error(`${file}#${name} is not in the build's server-reference manifest (used by no page?)`);
  return entry[0];
}

for (const who of WHO) {
  test.describe(`as ${who}`, () => {
    let request: APIRequestContext;
    test.beforeAll(async ({ browser, baseURL }) => {
      request = await requestAs(browser, who, baseURL!);
    });

    test("pages", async () => {
      for (const entry of PAGES) {
        const response = await request.get(entry.path, { maxRedirects: 0 });
        const allowed = rankOf(who) >= RANK[entry.access];
        const where = `${who} GET ${entry.path}`;
        // a public page may send someone on (signed in -> no sign-in form, set up -> no setup form)
        if (allowed) expect(entry.expect ?? (entry.access === "public" ? [200, 307] : [200]), where).toContain(response.status());
        else if (who === "anonymous") {
          expect(response.status(), where).toBe(307);
          expect(response.headers().location, where).toContain(`/login?next=${encodeURIComponent(entry.path)}`);
        } else expect(response.status(), where).toBe(403);
      }
    });

    test("API routes", async ({ baseURL }) => {
      for (const entry of API) {
        const response = await request.fetch(entry.path, {
          method: entry.method,
          data: entry.body,
          headers: { ...(entry.contentType ? { "Content-Type": entry.contentType } : {}), Origin: baseURL! },
          maxRedirects: 0,
        });
        const allowed = rankOf(who) >= RANK[entry.access];
        const where = `${who} ${entry.method} ${entry.path}`;
        if (allowed && entry.expect) expect(entry.expect, where).toContain(response.status());
        else if (allowed) expect(response.status(), where).toBeLessThan(400);
        else {
          expect(response.status(), where).toBe(who === "anonymous" ? 401 : 403);
          expect(await response.json(), where).toMatchObject({ error: { code: who === "anonymous" ? "unauthorized" : "forbidden" } });
        }
      }
    });

    test("server actions", async ({ baseURL }) => {
      for (const entry of ACTIONS) {
        const form = new FormData();
        for (const [k, v] of Object.entries(entry.form ?? {})) form.set(k, v);
        const args = entry.state === undefined ? [form] : [entry.state, form];
        const body = await encodeReply(args);
        const multipart = body instanceof FormData ? Object.fromEntries([...body.entries()].map(([k, v]) => [k, String(v)])) : { "0": body };
        const response = await request.post(entry.page, {
          headers: { "Next-Action": actionId(entry.file, entry.name), Accept: "text/x-component", Origin: baseURL! },
          multipart,
          maxRedirects: 0,
        });
        const allowed = rankOf(who) >= RANK[entry.access];
        const where = `${who} ${entry.file}#${entry.name}`;
        if (allowed) expect(response.status(), where).toBeLessThan(400);
        else expect(response.status(), where).toBe(who === "anonymous" ? 401 : 403);
      }
    });
  });
}
