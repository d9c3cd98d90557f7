import "server-only";
import { hashToken, newToken, sameHash } from "../auth/tokens";
import { db } from "./client";
import { getSetting } from "./settings";

const KEY = "setup_token_hash";

// While no user exists, the server prints a one-time setup token at start; only its hash is kept.
export async function issueSetupTokenIfNoUsers(): Promise<string | null> {
  if ((await db().user.count()) > 0) return null;
  const token = newToken("setup");
  await db().appSetting.upsert({ where: { key: KEY }, create: { key: KEY, value: hashToken(token) }, update: { value: hashToken(token) } });
  return token;
}

export async function checkSetupToken(token: string): Promise<boolean> {
  const stored = await getSetting(KEY);
  return stored !== null && sameHash(stored, hashToken(token));
}

export async function clearSetupToken(): Promise<void> {
  await db().appSetting.deleteMany({ where: { key: KEY } });
}
