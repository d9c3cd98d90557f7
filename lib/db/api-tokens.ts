import "server-only";
import { hashToken, looksLikeToken, newToken } from "../auth/tokens";
import type { Role } from "../auth/permissions";
import { db, sqlPool } from "./client";

export type ApiTokenRow = {
  id: number;
  name: string;
  role: Role;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { email: string } | null;
};

// Returns the token once; only its hash is stored.
export async function createApiToken(input: { name: string; role: Role; createdById?: string | null }): Promise<{ id: number; token: string }> {
  const token = newToken("api");
  const row = await db().apiToken.create({
    data: { name: input.name, role: input.role, tokenHash: hashToken(token), createdById: input.createdById ?? null },
    select: { id: true },
  });
  return { id: row.id, token };
}

export async function listApiTokens(): Promise<ApiTokenRow[]> {
  return db().apiToken.findMany({
    select: { id: true, name: true, role: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { email: true } } },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

export async function revokeApiToken(id: number): Promise<boolean> {
  const { count } = await db().apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}

// Looks a presented token up by its hash and records its use at most once a minute, in one round trip
// (every API request pays for this check).
export async function findActiveApiToken(token: string): Promise<{ id: number; name: string; role: Role } | null> {
  if (!looksLikeToken("api", token)) return null;
  const { rows } = await sqlPool().query<{ id: number; name: string; role: Role }>(
    `WITH found AS (
       SELECT id, name, role::text AS role, last_used_at FROM api_token WHERE token_hash = $1 AND revoked_at IS NULL
     ), used AS (
       UPDATE api_token t SET last_used_at = now() FROM found
       WHERE t.id = found.id AND (found.last_used_at IS NULL OR found.last_used_at < now() - interval '1 minute')
     )
     SELECT id, name, role FROM found`,
    [hashToken(token)],
  );
  return rows[0] ?? null;
}
