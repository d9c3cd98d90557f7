import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "../auth/password";
import type { Role } from "../auth/permissions";
import { db } from "./client";

export async function countUsers(): Promise<number> {
  return db().user.count();
}

export type UserRow = { id: string; email: string; name: string; role: Role; createdAt: Date };

export async function listUsers(): Promise<UserRow[]> {
  return db().user.findMany({ select: { id: true, email: true, name: true, role: true, createdAt: true }, orderBy: { email: "asc" } });
}

export async function getUserByEmail(email: string) {
  return db().user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, email: true, name: true, role: true } });
}

export class UserExistsError extends Error {}

// Creates a user with an email + password credential, stored the way better-auth stores it (an
// account row of provider "credential" holding the argon2id hash).
export async function createUser(input: { email: string; name?: string; role: Role; password: string }): Promise<UserRow> {
  const email = input.email.toLowerCase();
  if (await getUserByEmail(email)) throw new UserExistsError(`a user with e-mail ${email} already exists`);
  const id = randomUUID();
  const password = await hashPassword(input.password);
  const now = new Date();
  return db().$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { id, email, name: input.name ?? email.split("@")[0]!, role: input.role, emailVerified: false, createdAt: now, updatedAt: now },
      select: { id: true, email: true, name: true, role: true, createdAt: true },
    });
    await tx.account.create({
      data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password, createdAt: now, updatedAt: now },
    });
    return user;
  });
}

export async function setUserRole(id: string, role: Role): Promise<void> {
  await db().user.updateMany({ where: { id }, data: { role } });
}

export async function deleteUser(id: string): Promise<void> {
  await db().user.deleteMany({ where: { id } });
}

export async function getUserRole(id: string): Promise<Role | null> {
  const user = await db().user.findUnique({ where: { id }, select: { role: true } });
  return user?.role ?? null;
}
