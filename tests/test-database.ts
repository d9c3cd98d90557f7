// Fresh PostgreSQL databases for tests: created from a base URL, migrated, dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "../lib/db/migrate";

export function baseDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

export function databaseUrlFor(name: string, base = baseDatabaseUrl()): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(base: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrlFor("postgres", base) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export type TestDatabase = { name: string; url: string; drop: () => Promise<void> };

export function createTestDatabase(prefix: string, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  return createNamedTestDatabase(`${prefix}_${randomBytes(5).toString("hex")}`, options);
}

export async function createNamedTestDatabase(name: string, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a safe database name: ${name}`);
  const base = baseDatabaseUrl();
  await admin(base, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrlFor(name, base);
  if (options.migrate !== false) await migrate({ connectionString: url });
  return {
    name,
    url,
    drop: () => admin(base, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
