import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "./client";

export async function getSetting(key: string): Promise<string | null> {
  const row = await db().appSetting.findUnique({ where: { key }, select: { value: true } });
  return row?.value ?? null;
}

export async function setSetting(key: string, value: string): Promise<void> {
  await db().appSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

// A secret generated once and shared by every replica through the database. Concurrent first
// starts race on the insert; ON CONFLICT keeps the first and everyone reads that one back.
export async function getOrCreateSecret(key: string): Promise<string> {
  const candidate = randomBytes(32).toString("base64url");
  await db().$executeRaw`INSERT INTO app_setting (key, value) VALUES (${key}, ${candidate}) ON CONFLICT (key) DO NOTHING`;
  const value = await getSetting(key);
  if (!value) throw new Error(`setting ${key} could not be created`);
  return value;
}
