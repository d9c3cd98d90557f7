// The web server of a Playwright run: a fresh database (created, migrated, filled with the demo
// datacenter), then the production build served by `next start`; the database is dropped on exit.
// Playwright starts this before globalSetup, so all preparation happens here.
import { spawn } from "node:child_process";
import path from "node:path";
import { seedDemo } from "../lib/db/seed";
import { mkdirSync, writeFileSync } from "node:fs";
import { createApiToken } from "../lib/db/api-tokens";
import { createUser } from "../lib/db/users";
import { createWorkOrder } from "../lib/db/work-orders";
import { E2E_USERS } from "../e2e/users";
import { createNamedTestDatabase } from "../tests/test-database";
import { serverNodeOptions } from "./server-options";

async function main() {
  const name = process.env.E2E_DATABASE_NAME;
  if (!name) throw new Error("E2E_DATABASE_NAME is not set (playwright.config.ts sets it)");
  const database = await createNamedTestDatabase(name);
  await seedDemo(database.url);
  process.env.DATABASE_URL = database.url;
  for (const user of Object.values(E2E_USERS)) await createUser(user);
  // API tokens for the API specs: shown once, so handed over through a file of this run only
  const tokens: Record<string, string> = {};
  for (const role of ["viewer", "editor", "admin"] as const) tokens[role] = (await createApiToken({ name: `e2e-${role}`, role })).token;
  // work order 1, for the access matrix's /work-orders/[id] (pages are asked before anything creates one)
  await createWorkOrder({
    title: "E2E: inspect app-01",
    items: [{ hostname: "app-01", action: "inspect" }],
    createdById: null,
    actor: { type: "system", id: null, label: "e2e-server" },
  });
  mkdirSync("test-results", { recursive: true });
  writeFileSync(`test-results/${name}.tokens.json`, JSON.stringify(tokens));
  const next = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", process.env.PORT ?? "3210", "-H", "127.0.0.1"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1", NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS) },
  });
  let closing = false;
  const close = async (code: number) => {
    if (closing) return;
    closing = true;
    next.kill("SIGTERM");
    await database.drop().catch((e: Error) => console.error(`could not drop ${name}: ${e.message}`));
    process.exit(code);
  };
  process.on("SIGTERM", () => void close(0));
  process.on("SIGINT", () => void close(0));
  next.on("exit", (code) => void close(code ?? 1));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
