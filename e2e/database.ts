import { readFileSync } from "node:fs";
import pg from "pg";

// The run's database (created by scripts/e2e-server.ts), for checks that nothing was written.
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const base = new URL(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  base.pathname = `/${process.env.E2E_DATABASE_NAME}`;
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export function apiToken(role: "viewer" | "editor" | "admin"): string {
  const tokens = JSON.parse(readFileSync(`test-results/${process.env.E2E_DATABASE_NAME}.tokens.json`, "utf8")) as Record<string, string>;
  return tokens[role]!;
}
