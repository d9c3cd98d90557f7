// A freshly migrated database holds the models Rackmap ships with, exactly as the demo plan
// describes them, so a devices file may name them without importing models first.
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { STANDARD_MODELS } from "../lib/demo/datacenter-plan";
import { createTestDatabase, type TestDatabase } from "./test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("rackmap_models");
});
afterAll(async () => {
  await database.drop();
});

it("ships the standard models in every new database", async () => {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT name, manufacturer, kind::text AS kind, height_u AS "heightU", full_depth AS "fullDepth", bays,
              bay_columns AS "bayColumns", bay_rows AS "bayRows"
         FROM model`,
    );
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
    expect(rows.sort(byName)).toEqual([...STANDARD_MODELS].sort(byName));
  } finally {
    await client.end();
  }
});
