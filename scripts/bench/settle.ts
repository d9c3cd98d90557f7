// What the bench does between filling the database and timing anything: VACUUM (ANALYZE) and a CHECKPOINT.
// The generator has just written ~1.2 million rows. Left alone, PostgreSQL writes them out at its next
// checkpoint and autovacuum reads every new table once, both in the middle of the timed runs (three
// full runs on one machine in one hour had the locate p95 at 20, 22 and 31 ms, the bare SQL beside it
// at 8 ms in each). A real inventory is not freshly bulk-loaded; this measures that state.
import pg from "pg";
import { round } from "./stats";

export async function settleDatabase(databaseUrl: string): Promise<{ seconds: number }> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("VACUUM (ANALYZE)");
    // a superuser's or pg_checkpoint's right; without it, the vacuum alone still takes autovacuum's work away
    await client.query("CHECKPOINT").catch(() => {});
  } finally {
    await client.end();
  }
  return { seconds: round((performance.now() - started) / 1000, 1) };
}
