// Every constraint the database can raise has a sentence, and every sentence names a real
// constraint: a new constraint without a message fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeConstraintViolation, knownConstraints } from "../lib/db/constraint-messages";

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

// Constraints of the placement rules and identity that a user's input can violate.
async function userFacingConstraints(): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    SELECT conname::text AS name FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = 'public' AND contype IN ('c', 'x', 'u')
    UNION
    SELECT i.relname::text FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND x.indisunique AND NOT x.indisprimary`);
  const sql = readFileSync(path.join(__dirname, "..", "prisma", "migrations", "20261127000000_init", "migration.sql"), "utf8");
  const raised = [...sql.matchAll(/CONSTRAINT = '([a-z_]+)'/g)].map((m) => m[1]!);
  const internal = new Set([
    // keys that exist for composite foreign keys or for auth bookkeeping, never hit by user input
    "room_id_site_key", "cabinet_id_site_key", "power_source_id_site_key", "nic_id_device_key",
    "user_email_key", "session_token_key", "api_token_token_hash_key", "share_link_token_hash_key",
  ]);
  return [...new Set([...rows.map((r) => r.name), ...raised])].filter((n) => !internal.has(n)).sort();
}

it("has a sentence for every user-facing constraint", async () => {
  const known = new Set(knownConstraints());
  expect((await userFacingConstraints()).filter((n) => !known.has(n))).toEqual([]);
});

it("names only constraints that exist", async () => {
  const { rows } = await client.query<{ name: string }>(`
    SELECT conname::text AS name FROM pg_constraint UNION SELECT relname::text FROM pg_class WHERE relkind = 'i'`);
  const sql = readFileSync(path.join(__dirname, "..", "prisma", "migrations", "20261127000000_init", "migration.sql"), "utf8");
  const existing = new Set([...rows.map((r) => r.name), ...[...sql.matchAll(/CONSTRAINT = '([a-z_]+)'/g)].map((m) => m[1]!)]);
  expect(knownConstraints().filter((n) => !existing.has(n))).toEqual([]);
});

it("keeps the trigger's own words where they name the conflict", () => {
  expect(describeConstraintViolation({ code: "23514", constraint: "device_bay_exists", message: "chassis c5k-01 has no bay 9 (it has 8)" }))
    .toBe("The chassis' model has no such bay. (chassis c5k-01 has no bay 9 (it has 8))");
  expect(describeConstraintViolation({ code: "23505", constraint: "nic_mac_key" })).toBe("Another Nic already has that MAC address.");
  expect(describeConstraintViolation({ code: "23505" })).toBe("That value is already in use.");
});
