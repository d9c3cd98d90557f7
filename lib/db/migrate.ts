// Applies prisma/migrations/*/migration.sql in Prisma's own layout and bookkeeping, without
// Prisma's migrate engine (a binary that cannot be downloaded on our machines). Each migration
// runs in one transaction and is recorded in _prisma_migrations with the same checksum Prisma
// writes (sha256 of the file), so `prisma migrate deploy` agrees with us wherever it can run.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Prisma's own advisory lock key, so our runner and prisma migrate never run at once.
const PRISMA_MIGRATE_LOCK = 72707369;

export type MigrationFile = { name: string; sql: string; checksum: string };

export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export class MigrationError extends Error {}

export async function migrate(options: {
  connectionString: string;
  dir?: string;
  log?: (line: string) => void;
}): Promise<{ applied: string[] }> {
  const dir = options.dir ?? path.join(process.cwd(), "prisma", "migrations");
  const log = options.log ?? (() => {});
  const files = await readMigrations(dir);
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    const applied: string[] = [];
    for (const file of files) {
      const previous = done.get(file.name);
      if (previous) {
        if (!previous.finished_at) {
          throw new MigrationError(`migration ${file.name} started earlier and never finished; fix the database by hand, then delete its row from _prisma_migrations`);
        }
        if (previous.checksum !== file.checksum) {
          throw new MigrationError(`migration ${file.name} was changed after it was applied; add a new migration instead of editing an applied one`);
        }
        continue;
      }
      log(`applying migration ${file.name}`);
      await client.query("BEGIN");
      try {
        await client.query(file.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`migration ${file.name} failed: ${(error as Error).message}`);
      }
      applied.push(file.name);
    }
    return { applied };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    await client.end();
  }
}
