// Vitest globalSetup for the integration project: one fresh, migrated database per run, handed to
// the test files as DATABASE_URL and dropped at the end.
import { createTestDatabase } from "./test-database";

export default async function setup() {
  const database = await createTestDatabase("rackmap_test");
  process.env.DATABASE_URL = database.url;
  return async () => {
    await database.drop();
  };
}
