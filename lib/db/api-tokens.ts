import "server-only";
import { hashToken, looksLikeToken, newToken } from "../auth/tokens";
import type { Role } from "../auth/permissions";
import { db } from "./client";

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

// Looks a presented token up by its hash; records its use at most once a minute.
export async function findActiveApiToken(token: string): Promise<{ id: number; name: string; role: Role } | null> {
  if (!looksLikeToken("api", token)) return null;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, role: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.id, name: row.name, role: row.role };
}
