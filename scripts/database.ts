// Which PostgreSQL the app, the CLI and the start script use: DATABASE_URL when it is set,
// otherwise the embedded server under .data/ (started here, stopped on exit).
import { migrate } from "../lib/db/migrate";
import { startEmbeddedPostgres } from "../lib/db/embedded";

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

export async function openDatabase(log: (line: string) => void = (l) => console.error(l)): Promise<Database> {
  const configured = process.env.DATABASE_URL;
  let database: Database;
  if (configured) {
    database = { url: configured, embedded: false, stop: async () => {} };
  } else {
    const server = await startEmbeddedPostgres({ log });
    log(`embedded PostgreSQL running (data in .data/pg, port ${process.env.EMBEDDED_PG_PORT ?? 54329})`);
    database = { url: server.connectionString, embedded: true, stop: server.stop };
  }
  // lib/db/client.ts reads it on first use
  process.env.DATABASE_URL = database.url;
  const { applied } = await migrate({ connectionString: database.url, log });
  if (applied.length) log(`applied ${applied.length} migration(s)`);
  return database;
}
