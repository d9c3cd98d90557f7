// How fast a large import runs: a generated datacenter of N devices (lib/demo, the demo's shapes
// at scale) is exported to CSV and imported into a fresh database that has the same models and
// cabinets: the devices file, a nics file of every server's two data ports (eth0, eth1) and
// a cables file of those ports to their TOR switches, whose ports the cables import creates.
// For 10,000 devices that is about 10k devices + 20k Nics + 20k cables.
//
//   npx tsx --conditions=react-server lib/import/import-speed.ts [devices]   (DATABASE_URL: any
//   database on the server to create the two scratch databases on)
//
// The benchmark (npm run bench) can call measureImportSpeed itself.
import { createTestDatabase } from "../../tests/test-database";
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
};

const actor = { type: "cli" as const, id: null, label: "import speed" };

function keepLines(csv: string, keep: (cells: string[]) => boolean, edit: (cells: string[]) => string[] = (c) => c): string {
  const [header, ...lines] = csv.trimEnd().split("\r\n");
  const kept = lines.map((line) => line.split(",")).filter(keep).map((cells) => edit(cells).join(","));
  return [header, ...kept].join("\r\n") + "\r\n";
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
    const files = {
      devices: await file("devices"),
      // the data ports alone, without their bond (its column emptied)
      nics: keepLines(await file("nics"), (c) => c[1] === "eth0" || c[1] === "eth1", (c) => c.map((cell, i) => (i === 6 ? "" : cell))),
      cables: keepLines(await file("cables"), (c) => c[1] === "eth0" || c[1] === "eth1"),
    };
    const rows = { devices: 0, nics: 0, cables: 0 };
    const seconds = { devices: 0, nics: 0, cables: 0 };
    for (const kind of ["devices", "nics", "cables"] as const) {
      const started = performance.now();
      const report = await importCsv({ kind, content: files[kind], dryRun: false, actor, connectionString: target.url });
      seconds[kind] = Number(((performance.now() - started) / 1000).toFixed(2));
      if (!report.ok) throw new Error(`${kind}: ${report.errors[0]?.message}`);
      rows[kind] = report.rows;
      log(`${kind}: ${report.rows} rows (${report.created} created, ${report.alsoCreated.length} switch ports on the side) in ${seconds[kind]} s`);
    }
    const totalSeconds = Number((seconds.devices + seconds.nics + seconds.cables).toFixed(2));
    const total = rows.devices + rows.nics + rows.cables;
    return { devices: options.devices, rows, seconds, totalSeconds, rowsPerSecond: Math.round(total / totalSeconds) };
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
