// Passwords and tokens are stored only as hashes: dump every table and search for the secrets.
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiToken } from "../lib/db/api-tokens";
import { issueSetupTokenIfNoUsers } from "../lib/db/setup-token";
import { createUser } from "../lib/db/users";

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

async function dumpEverything(): Promise<string> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await client.query(`SELECT row_to_json(t)::text AS row FROM ${name} t`);
    parts.push(...rows.map((r) => r.row as string));
  }
  return parts.join("\n");
}

it("stores no password, API token or setup token in plain text", async () => {
  await client.query(`TRUNCATE "user" CASCADE`);
  const setupToken = await issueSetupTokenIfNoUsers();
  expect(setupToken).toMatch(/^setup_/);
  const password = "correct horse battery staple 42";
  await createUser({ email: "secret-test@example.com", role: "admin", password });
  const { token } = await createApiToken({ name: "secret-test", role: "editor" });

  const dump = await dumpEverything();
  expect(dump).toContain("secret-test@example.com"); // the dump does hold the rows
  expect(dump).not.toContain(password);
  expect(dump).not.toContain(token);
  expect(dump).not.toContain(token.slice(4)); // not even without its prefix
  expect(dump).not.toContain(setupToken!);
  expect(dump).toMatch(/\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
});
