// `npm start`: one command from a fresh clone to a running Rackmap.
// DATABASE_URL set -> migrate that server and serve. Unset -> start the embedded PostgreSQL under
// .data/, migrate it, fill the demo datacenter on first start, and serve.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { openDatabase } from "./database";
import { buildIsStale } from "./next-build";
import { serverNodeOptions } from "./server-options";
import { seedDemo } from "../lib/db/seed";
import { countUsers, createUser } from "../lib/db/users";
import { DEMO_ADMIN } from "../lib/demo/demo-admin";

const log = (line: string) => console.log(`[rackmap] ${line}`);
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const nextBin = path.join(process.cwd(), "node_modules", ".bin", "next");

async function main() {
  const database = await openDatabase(log);
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch(() => {});
    process.exit(code);
  };

  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" };
  if (database.embedded) {
    const { seeded } = await seedDemo(database.url);
    if (seeded) log("filled the embedded database with the demo datacenter (site ORD1)");
    // the demo, and only the demo, has a known admin login
    if ((await countUsers()) === 0) await createUser({ ...DEMO_ADMIN, role: "admin" });
    log(`demo admin login: ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
    env.RACKMAP_DEMO = "1";
  }

  if (!dev && buildIsStale()) {
    log("building the app (first start or changed sources; takes a minute or two)");
    const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env });
    if (build.status !== 0) {
      log("next build failed");
      return stop(1);
    }
  }

  const server = spawn(nextBin, [dev ? "dev" : "start", "-p", port], { stdio: "inherit", env: { ...env, NODE_OPTIONS: serverNodeOptions(env.NODE_OPTIONS) } });
  log(`serving on http://localhost:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.kill(signal);
    });
  }
  server.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error) => {
  console.error(`[rackmap] ${(error as Error).message}`);
  process.exit(1);
});
