// The API token check every /api/v1 request makes: found by its hash with its role, refused when revoked or
// unknown, and its last use recorded at most once a minute.
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiToken, findActiveApiToken, revokeApiToken } from "./api-tokens";

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

const lastUsed = async (id: number) => (await client.query<{ at: Date | null }>("SELECT last_used_at AS at FROM api_token WHERE id = $1", [id])).rows[0]!.at;

it("finds an active token with its role and records its use", async () => {
  const { id, token } = await createApiToken({ name: "check-me", role: "editor" });
  expect(await lastUsed(id)).toBeNull();
  expect(await findActiveApiToken(token)).toEqual({ id, name: "check-me", role: "editor" });
  expect(await lastUsed(id)).toBeInstanceOf(Date);
});

it("records a use at most once a minute", async () => {
  const { id, token } = await createApiToken({ name: "busy", role: "viewer" });
  await client.query("UPDATE api_token SET last_used_at = now() - interval '30 seconds' WHERE id = $1", [id]);
  const recent = await lastUsed(id);
  await findActiveApiToken(token);
  expect(await lastUsed(id)).toEqual(recent);
  await client.query("UPDATE api_token SET last_used_at = now() - interval '2 minutes' WHERE id = $1", [id]);
  const old = await lastUsed(id);
  await findActiveApiToken(token);
  expect((await lastUsed(id))!.getTime()).toBeGreaterThan(old!.getTime());
});

it("refuses a revoked, unknown or malformed token", async () => {
  const { id, token } = await createApiToken({ name: "gone", role: "admin" });
  expect(await revokeApiToken(id)).toBe(true);
  expect(await findActiveApiToken(token)).toBeNull();
  expect(await findActiveApiToken(token.slice(0, -2) + "xx")).toBeNull();
  expect(await findActiveApiToken("not-a-token")).toBeNull();
});
