// `npm run bench` options. Three sizes: the full run (100k devices), --quick (5k devices, under two
// minutes) and --tiny (what `npm test` runs once, so the bench's code cannot rot; its figures mean nothing).

export type BenchProfile = "full" | "quick" | "tiny";

export type BenchOptions = {
  profile: BenchProfile;
  devices: number;
  // devices of the generated datacenter that measureImportSpeed exports and imports (about 2 Nics and 2 cables each)
  importDevices: number;
  locateQueries: number;
  // timed runs per failure domain, and of the SPOF list, after the first request has built the index
  impactRuns: number;
  spofRuns: number;
  // requests per page under load
  pageRequests: number;
  connections: number;
  // the load run during which Postgres restarts
  resilienceSeconds: number;
  restartAfterSeconds: number;
  allowRestart: boolean;
  // a shell command that restarts a server the bench did not start (with --allow-restart)
  restartCommand: string | null;
  // false: serve the existing .next as it is (npm test has just built it)
  build: boolean;
  out: string;
};

const PROFILES: Record<BenchProfile, Omit<BenchOptions, "profile" | "allowRestart" | "restartCommand" | "build" | "out">> = {
  full: { devices: 100_000, importDevices: 10_000, locateQueries: 400, impactRuns: 5, spofRuns: 3, pageRequests: 600, connections: 10, resilienceSeconds: 15, restartAfterSeconds: 4 },
  quick: { devices: 5_000, importDevices: 2_000, locateQueries: 150, impactRuns: 3, spofRuns: 2, pageRequests: 100, connections: 10, resilienceSeconds: 8, restartAfterSeconds: 2 },
  tiny: { devices: 200, importDevices: 100, locateQueries: 10, impactRuns: 1, spofRuns: 1, pageRequests: 20, connections: 2, resilienceSeconds: 4, restartAfterSeconds: 1 },
};

export const BENCH_USAGE = `npm run bench -- [--devices N] [--quick | --tiny] [--allow-restart [--restart-command CMD]] [--no-build] [--out FILE]
  --devices N         size of the generated datacenter (default 100000; --quick 5000; --tiny 200)
  --quick             a 5k-device run, under two minutes
  --tiny              the smallest run that still goes through every section (npm test runs it)
  --allow-restart     restart Postgres during a load run even on a server given by DATABASE_URL
  --restart-command   the shell command that restarts that server (e.g. "pg_ctlcluster 17 main restart")
  --no-build          serve the existing .next build even if sources are newer
  --out FILE          where the results go (default bench/results.json)`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    if (at === -1) return undefined;
    const next = argv[at + 1];
    if (next === undefined || next.startsWith("--")) throw new Error(`${flag} needs a value\n${BENCH_USAGE}`);
    return next;
  };
  const known = new Set(["--devices", "--quick", "--tiny", "--allow-restart", "--restart-command", "--no-build", "--out"]);
  for (const [i, arg] of argv.entries()) {
    const takesValue = i > 0 && ["--devices", "--restart-command", "--out"].includes(argv[i - 1]!);
    if (!takesValue && !known.has(arg)) throw new Error(`unknown option ${arg}\n${BENCH_USAGE}`);
  }
  if (argv.includes("--quick") && argv.includes("--tiny")) throw new Error("--quick and --tiny are two sizes: give one");
  const profile: BenchProfile = argv.includes("--tiny") ? "tiny" : argv.includes("--quick") ? "quick" : "full";
  const base = PROFILES[profile];
  const rawDevices = value("--devices");
  let devices = base.devices;
  if (rawDevices !== undefined) {
    if (!/^\d+$/.test(rawDevices) || Number(rawDevices) < 50) throw new Error(`--devices is a whole number of at least 50, not ${rawDevices}`);
    devices = Number(rawDevices);
  }
  return {
    ...base,
    profile,
    devices,
    importDevices: Math.min(base.importDevices, devices),
    allowRestart: argv.includes("--allow-restart"),
    restartCommand: value("--restart-command") ?? null,
    build: !argv.includes("--no-build"),
    out: value("--out") ?? "bench/results.json",
  };
}
