// `npm run bench -- [--devices N] [--quick | --tiny]`: a fresh database filled by the generator, the
// production app against it, and the figures of issue 9 (locate, impact and SPOF, import, pages under
// load, the share page's weight, a Postgres restart under load) as a table and bench/results.json.
// Everything it creates (database or embedded server, app server) goes away at the end, also on Ctrl-C.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "../lib/db/client";
import { generateDatacenter } from "../lib/db/seed";
import { measureImportSpeed } from "../lib/import/import-speed";
import { startApp } from "./bench/app-server";
import { openBenchDatabase } from "./bench/database";
import { benchFailure } from "./bench/failure";
import { BENCH_USER, prepareFixtures } from "./bench/fixtures";
import { load } from "./bench/load";
import { benchLocate } from "./bench/locate";
import { parseBenchArgs } from "./bench/options";
import { formatTable } from "./bench/report";
import { benchResilience } from "./bench/resilience";
import { percentOfCopy, resultRows, type BenchResults, type ImportResults, type PageName, type PageResults } from "./bench/results";
import { settleDatabase } from "./bench/settle";
import { round } from "./bench/stats";
import { measureShareWeight } from "./bench/weight";

const log = (line: string) => console.error(`[bench] ${line}`);

// undone in reverse order at the end, on an error and on Ctrl-C
const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | null = null;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: Error) => log(`cleanup: ${error.message}`));
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping what the bench started`);
    void cleanUp().then(() => process.exit(130));
  });
}

async function signIn(origin: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: origin },
    body: JSON.stringify({ email: BENCH_USER.email, password: BENCH_USER.password }),
  });
  if (!response.ok) throw new Error(`signing in answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
}

function machine(loadAtStart: number): BenchResults["machine"] {
  let system = `${os.type()} ${os.release()}`;
  try {
    system = /^PRETTY_NAME="?([^"\n]+)/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? system;
  } catch {
    // not Linux: the kernel's name will do
  }
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    os: system,
    node: process.version,
    // other work on the machine shows here: on 2 cores, a load of 6 leaves the bench a third of them
    loadAverage: { atStart: round(loadAtStart), atEnd: round(os.loadavg()[0]!) },
  };
}

async function main() {
  const options = parseBenchArgs(process.argv.slice(2));
  const started = performance.now();
  const loadAtStart = os.loadavg()[0]!;
  log(`${options.profile} run: ${options.devices} devices`);

  const database = await openBenchDatabase({ allowRestart: options.allowRestart, restartCommand: options.restartCommand, log });
  cleanups.push(database.close);
  // lib/db's client (accounts, the work order) uses it
  process.env.DATABASE_URL = database.url;

  // The import goes first, into databases of its own, on a quiet server: right after the generator
  // writes 100k devices, PostgreSQL is still checkpointing them and autovacuum is reading them, and
  // the second full run measured that too (8.5 s; imported first, 5.3-5.4 s on the same machine).
  log(`import: ${options.importDevices} devices and their data Nics and cables, through the real import path`);
  const speed: { rows: number | Record<string, number>; totalSeconds: number; rowsPerSecond: number; copyRowsPerSecond?: number; copySeconds?: number } =
    await measureImportSpeed({ devices: options.importDevices, log: (line) => log(`  ${line}`) });
  const copyRowsPerSecond = speed.copyRowsPerSecond ?? null;
  const imported: ImportResults = {
    devices: options.importDevices,
    rows: typeof speed.rows === "number" ? speed.rows : Object.values(speed.rows).reduce((a, b) => a + b, 0),
    seconds: speed.totalSeconds,
    rowsPerSecond: speed.rowsPerSecond,
    copyRowsPerSecond,
    copySeconds: speed.copySeconds ?? null,
    percentOfCopy: percentOfCopy(speed.rowsPerSecond, copyRowsPerSecond),
  };
  if (copyRowsPerSecond === null) log("  measureImportSpeed reports no COPY baseline (copyRowsPerSecond): shown as missing");

  log(`generating ${options.devices} devices`);
  const generated = await generateDatacenter({ connectionString: database.url, devices: options.devices, log: (line) => log(`  ${line}`) });

  const fixtures = await prepareFixtures(database.url, { locateQueries: options.locateQueries });
  log("settling the database: VACUUM (ANALYZE), CHECKPOINT (scripts/bench/settle.ts says why)");
  log(`  ${(await settleDatabase(database.url)).seconds} s`);
  // the bench's own Prisma pool is done; it must not hold connections when Postgres restarts
  await db().$disconnect();

  const app = await startApp({ databaseUrl: database.url, build: options.build, log });
  cleanups.push(app.stop);
  const cookie = await signIn(app.origin);
  const headers = { cookie };
  for (const [name, pagePath] of Object.entries(fixtures.pages)) {
    const response = await fetch(app.origin + pagePath, { headers: { ...headers, "x-forwarded-for": "192.0.2.1" }, redirect: "manual" });
    if (response.status !== 200) throw new Error(`the ${name} page ${pagePath} answered ${response.status} before any load`);
  }

  log(`locate: ${fixtures.locate.length} queries through /api/v1/locate and as bare SQL`);
  const located = await benchLocate({ origin: app.origin, apiToken: fixtures.apiToken, databaseUrl: database.url, samples: fixtures.locate });

  log(`impact of ${Object.values(fixtures.domains).join(", ")}; every service's SPOFs`);
  const failure = await benchFailure({ origin: app.origin, apiToken: fixtures.apiToken, domains: fixtures.domains, impactRuns: options.impactRuns, spofRuns: options.spofRuns });

  const pages = {} as Record<PageName, PageResults>;
  for (const [name, pagePath] of Object.entries(fixtures.pages) as [PageName, string][]) {
    log(`page ${name} (${pagePath}): ${options.pageRequests} requests at ${options.connections} connections`);
    const run = { origin: app.origin, path: pagePath, connections: options.connections, headers, perClientAddress: name === "share" };
    // first: the first requests of a route load its code and warm the database's caches
    await load({ ...run, amount: options.connections * 3 });
    const alone = await load({ ...run, connections: 1, amount: 5 });
    pages[name] = { ...(await load({ ...run, amount: options.pageRequests })), serialP50Ms: alone.p50Ms };
  }

  log("share page weight");
  const sharePage = await measureShareWeight({ origin: app.origin, path: fixtures.pages.share, expectText: fixtures.shareHosts });

  log(`Postgres restart during ${options.resilienceSeconds} s of load on the device page`);
  const resilience = await benchResilience({
    origin: app.origin,
    path: fixtures.pages.device,
    headers,
    connections: options.connections,
    seconds: options.resilienceSeconds,
    restartAfterSeconds: options.restartAfterSeconds,
    restart: database.restart,
    cannotRestart: database.cannotRestart,
    log,
  });

  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: machine(loadAtStart),
    profile: options.profile,
    devices: generated.devices,
    generateSeconds: generated.seconds,
    locate: {
      p50Ms: located.api.p50,
      p95Ms: located.api.p95,
      bareSqlP50Ms: located.bareSql.p50,
      bareSqlP95Ms: located.bareSql.p95,
      ratio: located.ratio,
      queries: located.queries,
      found: located.found,
      errors: located.errors,
      kinds: located.kinds,
    },
    impact: { maxMs: failure.impactMaxMs, firstRequestMs: failure.firstRequestMs, domains: failure.impact },
    spof: { ms: failure.spofMs, services: failure.spofServices },
    import: imported,
    pages,
    sharePage,
    resilience,
  };
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);

  const m = results.machine;
  console.log(`\nRackmap bench, ${options.profile} run: ${results.devices} devices, ${results.date.slice(0, 10)}; ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; load average ${m.loadAverage.atStart} at the start, ${m.loadAverage.atEnd} at the end\n`);
  console.log(formatTable(resultRows(results)));
  if (located.errors || failure.errors) console.log(`\n${located.errors + failure.errors} API request(s) failed outside the load runs; see above`);
  console.log(`\nwritten to ${options.out} (${round((performance.now() - started) / 1000, 0)} s)`);
}

main()
  .then(() => cleanUp())
  .then(() => process.exit(0))
  .catch(async (error: Error) => {
    console.error(`[bench] ${error.stack ?? error.message}`);
    await cleanUp();
    process.exit(1);
  });
