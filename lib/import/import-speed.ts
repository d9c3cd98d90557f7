// How fast a large import runs: a generated datacenter of N devices (lib/demo, the demo's shapes
// at scale) is exported to CSV and imported into a fresh database that has the same models and
// cabinets: the devices file, a nics file of two ports per device (every server's eth0 and eth1,
// then iDRAC ports up to the count) and a cables file of those ports to their switches, whose
// ports the cables import creates. For 10,000 devices: 10k devices + 20k Nics + 20k cables. The
// same three files are also loaded with a bare COPY into scratch tables, the yardstick.
//
//   npx tsx --conditions=react-server lib/import/import-speed.ts [devices]   (DATABASE_URL: any
//   database on the server to create the two scratch databases on)
//
// The benchmark (npm run bench) can call measureImportSpeed itself.
import { createTestDatabase } from "../../tests/test-database";
import { copyIntoScratchTables } from "../db/copy-baseline";
import { closeImportConnections } from "../db/import-sql";
import { generateDatacenter } from "../db/seed";
import { exportCsv } from "./export";
import type { ImportKind } from "./kinds";
import { importCsv } from "./run";

export type ImportSpeed = {
  devices: number;
  rows: Record<"devices" | "nics" | "cables", number>;
  seconds: Record<"devices" | "nics" | "cables", number>;
  totalSeconds: number;
  rowsPerSecond: number;
  // the same files through COPY into scratch tables without indexes or checks
  copySeconds: number;
  copyRowsPerSecond: number;
};

const actor = { type: "cli" as const, id: null, label: "import speed" };

type Cells = string[];

function lines(csv: string): { header: string; rows: Cells[] } {
  const [header, ...rest] = csv.trimEnd().split("\r\n");
  // generated data has no quoted cells, so a plain split is exact here
  return { header: header!, rows: rest.map((line) => line.split(",")) };
}

function csvOf(header: string, rows: Cells[]): string {
  return [header, ...rows.map((cells) => cells.join(","))].join("\r\n") + "\r\n";
}

// Two ports per device: data ports first, then out-of-band ports up to the count. Bond columns are
// emptied (the bonds themselves are not in the file).
function pickPorts(nicsCsv: string, cablesCsv: string, count: number): { nics: string; cables: string } {
  const nics = lines(nicsCsv);
  const cables = lines(cablesCsv);
  const bondColumn = nics.header.split(",").indexOf("bond");
  const cabled = new Set(cables.rows.map((c) => `${c[0]}\u0000${c[1]}`));
  const candidates = (names: string[]) => nics.rows.filter((c) => names.includes(c[1]!) && cabled.has(`${c[0]}\u0000${c[1]}`));
  const picked = [...candidates(["eth0", "eth1"]), ...candidates(["idrac"])].slice(0, count);
  const keys = new Set(picked.map((c) => `${c[0]}\u0000${c[1]}`));
  return {
    nics: csvOf(nics.header, picked.map((c) => c.map((cell, i) => (i === bondColumn ? "" : cell)))),
    cables: csvOf(cables.header, cables.rows.filter((c) => keys.has(`${c[0]}\u0000${c[1]}`))),
  };
}

export async function measureImportSpeed(options: { devices: number; log?: (line: string) => void }): Promise<ImportSpeed> {
  const log = options.log ?? (() => {});
  const source = await createTestDatabase("rackmap_speed_src");
  const target = await createTestDatabase("rackmap_speed_dst");
  try {
    await generateDatacenter({ connectionString: source.url, devices: options.devices });
    const file = async (kind: ImportKind) => exportCsv(kind, { connectionString: source.url });
    for (const kind of ["models", "cabinets"] as const) {
      const report = await importCsv({ kind, content: await file(kind), dryRun: false, actor, connectionString: target.url });
      if (!report.ok) throw new Error(`${kind}: ${report.errors[0]?.message}`);
    }
    const ports = pickPorts(await file("nics"), await file("cables"), 2 * options.devices);
    const files = { devices: await file("devices"), ...ports };
    const rows = { devices: 0, nics: 0, cables: 0 };
    const seconds = { devices: 0, nics: 0, cables: 0 };
    for (const kind of ["devices", "nics", "cables"] as const) {
      const started = performance.now();
      const report = await importCsv({ kind, content: files[kind], dryRun: false, actor, connectionString: target.url, progress: (line) => log(`  ${kind} ${line}`) });
      seconds[kind] = Number(((performance.now() - started) / 1000).toFixed(2));
      if (!report.ok) throw new Error(`${kind}: ${report.errors[0]?.message}`);
      rows[kind] = report.rows;
      log(`${kind}: ${report.rows} rows (${report.created} created, ${report.alsoCreated.length} switch ports on the side) in ${seconds[kind]} s`);
    }
    const totalSeconds = Number((seconds.devices + seconds.nics + seconds.cables).toFixed(2));
    const total = rows.devices + rows.nics + rows.cables;
    const copy = await copyIntoScratchTables(target.url, files);
    log(`COPY of the same ${copy.rows} rows into bare scratch tables: ${copy.seconds.toFixed(2)} s`);
    return {
      devices: options.devices,
      rows,
      seconds,
      totalSeconds,
      rowsPerSecond: Math.round(total / totalSeconds),
      copySeconds: Number(copy.seconds.toFixed(3)),
      copyRowsPerSecond: Math.round(copy.rows / copy.seconds),
    };
  } finally {
    await closeImportConnections();
    await Promise.all([source.drop(), target.drop()]);
  }
}

if (process.argv[1]?.endsWith("import-speed.ts")) {
  measureImportSpeed({ devices: Number(process.argv[2] ?? 10_000), log: (line) => console.error(line) }).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
