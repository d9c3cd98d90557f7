import "server-only";
// The yardstick for import speed: PostgreSQL's own COPY of the same CSV files into scratch tables
// of text columns, with no index, constraint or trigger. No import that checks anything can match
// it; the benchmark reports the import's rows/s as a share of this.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type CopyTiming = { rows: number; seconds: number };

export async function copyIntoScratchTables(connectionString: string, files: Record<string, string>): Promise<CopyTiming> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  let rows = 0;
  let ms = 0;
  try {
    for (const [name, csv] of Object.entries(files)) {
      const header = csv.slice(0, csv.indexOf("\r\n")).split(",");
      const table = `copy_baseline_${name.replace(/\W/g, "_")}`;
      await client.query(`DROP TABLE IF EXISTS ${table}`);
      await client.query(`CREATE TABLE ${table} (${header.map((c) => `"${c.replace(/"/g, "")}" text`).join(", ")})`);
      const started = performance.now();
      const stream = client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER true)`));
      await pipeline(Readable.from([csv]), stream);
      ms += performance.now() - started;
      rows += Number(stream.rowCount);
      await client.query(`DROP TABLE ${table}`);
    }
  } finally {
    await client.end();
  }
  return { rows, seconds: ms / 1000 };
}
