import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/test-database";
import { migrate, readMigrations } from "./migrate";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "rackmap-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function scratch() {
  const database = await createTestDatabase("rackmap_migrate", { migrate: false });
  cleanups.push(database.drop);
  return database.url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrate", () => {
  it("applies pending migrations in name order, once, recording them as Prisma does", async () => {
    const url = await scratch();
    const dir = migrationsDir({
      "20260101000000_b": "CREATE TABLE b (id int REFERENCES a(id));",
      "20250101000000_a": "CREATE TABLE a (id int PRIMARY KEY);",
    });
    expect((await migrate({ connectionString: url, dir })).applied).toEqual(["20250101000000_a", "20260101000000_b"]);
    expect((await migrate({ connectionString: url, dir })).applied).toEqual([]);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      url,
      `SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`,
    );
    const files = await readMigrations(dir);
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it("rolls back a failing migration whole and records nothing for it", async () => {
    const url = await scratch();
    const dir = migrationsDir({
      "1_ok": "CREATE TABLE ok (id int);",
      "2_bad": "CREATE TABLE half (id int); SELECT no_such_function();",
    });
    await expect(migrate({ connectionString: url, dir })).rejects.toThrow(/2_bad failed/);
    const tables = await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    expect(tables.map((t) => t.table_name)).toEqual(["_prisma_migrations", "ok"]);
    const names = await query<{ migration_name: string }>(url, `SELECT migration_name FROM _prisma_migrations`);
    expect(names.map((n) => n.migration_name)).toEqual(["1_ok"]);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const url = await scratch();
    const dir = migrationsDir({ "1_a": "CREATE TABLE a (id int);" });
    await migrate({ connectionString: url, dir });
    writeFileSync(path.join(dir, "1_a", "migration.sql"), "CREATE TABLE a (id bigint);");
    await expect(migrate({ connectionString: url, dir })).rejects.toThrow(/changed after it was applied/);
  });

  it("lets two runners race without applying anything twice", async () => {
    const url = await scratch();
    const dir = migrationsDir({ "1_a": "CREATE TABLE a (id int);" });
    const results = await Promise.all([migrate({ connectionString: url, dir }), migrate({ connectionString: url, dir })]);
    expect(results.flatMap((r) => r.applied)).toEqual(["1_a"]);
  });
});
