// A scratch database holding the demo datacenter, for one test file that edits it: created, seeded and
// made this process' DATABASE_URL before the file's tests (so lib/db code reaches it), dropped after
// them with the app's connections closed and the shared DATABASE_URL put back.
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { db } from "../lib/db/client";
import { closeImportConnections } from "../lib/db/import-sql";
import { seedDemo } from "../lib/db/seed";
import { createTestDatabase, type TestDatabase } from "./test-database";

const TIMEOUT = 180_000;

export type DemoDatabase = { query: <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<T[]> };

export function demoDatabaseForThisFile(prefix: string): DemoDatabase {
  let database: TestDatabase | undefined;
  let sharedUrl: string | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(prefix);
    await seedDemo(database.url);
    sharedUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
  }, TIMEOUT);

  afterAll(async () => {
    await db().$disconnect();
    await closeImportConnections();
    process.env.DATABASE_URL = sharedUrl;
    await database?.drop();
  }, TIMEOUT);

  return {
    async query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
      const client = new pg.Client({ connectionString: database!.url });
      await client.connect();
      try {
        return (await client.query<T>(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
  };
}
