// Secrets handed out once (API tokens, share-link tokens, the setup token): 256 random bits from
// the CSPRNG, base64url, with a prefix that says what they are. Only a sha256 hash is stored; a
// fast hash is right here because the token itself has full entropy (unlike a password).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export type TokenKind = "api" | "share" | "setup";

const PREFIX: Record<TokenKind, string> = { api: "rmk_", share: "", setup: "setup_" };

export function newToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

// Shapes only: a string that could never be a token is refused before any database lookup.
export function looksLikeToken(kind: TokenKind, value: string): boolean {
  const body = value.startsWith(PREFIX[kind]) ? value.slice(PREFIX[kind].length) : null;
  return body !== null && /^[A-Za-z0-9_-]{43}$/.test(body);
}
