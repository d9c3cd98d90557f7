// Password hashing for better-auth: argon2id at OWASP's minimum or above (19 MiB, 2 iterations,
// 1 lane). Verification reads the parameters from the stored hash, so raising them later keeps
// old hashes valid.
import { hash, verify } from "@node-rs/argon2";

export const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 12;
