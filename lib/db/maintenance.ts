// Housekeeping after a bulk load (the generator, a large import), so the first searches after it are as
// fast as later ones: fresh planner statistics, and the trigram (GIN) indexes' pending lists merged.
// GIN indexes take new entries into an unsorted pending list that every search must scan until
// autovacuum merges it; after 5k generated devices that made a service-tag lookup 3x slower.
// (no `server-only` here: lib/db/seed.ts, which the CLI and the e2e server load, uses it)
import type pg from "pg";

export async function settleAfterBulkLoad(client: pg.ClientBase, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return;
  await client.query(`ANALYZE ${tables.map((t) => `"${t}"`).join(", ")}`);
  await client.query(
    `SELECT gin_clean_pending_list(i.indexrelid::regclass)
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_am am ON am.oid = c.relam
      WHERE am.amname = 'gin' AND i.indrelid = ANY($1::regclass[])`,
    [tables],
  );
}
