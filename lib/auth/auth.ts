import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "../db/client";
import { consumeRateLimit } from "../db/rate-limit";
import { getOrCreateSecret } from "../db/settings";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./password";
import { publicOrigin } from "./public-origin";

// better-auth for ops sign-in: email + password (argon2id), sessions in Postgres, rate limits in
// Postgres, nothing in one process' memory. Built on first use: it needs the database, which
// `next build` does not have.
//
// SSO seam: to add OIDC, install `@better-auth/sso`, add `sso()` to `plugins` below with the
// provider's issuer, client id and secret, and add the plugin's tables in a new migration (see
// README "Single sign-on"). Roles stay in our `user.role` column either way.
async function createAuth() {
  const secret = process.env.BETTER_AUTH_SECRET ?? (await getOrCreateSecret("auth_secret"));
  return betterAuth({
    appName: "Rackmap",
    secret,
    baseURL: publicOrigin(),
    database: prismaAdapter(db(), { provider: "postgresql", transaction: true }),
    emailAndPassword: {
      enabled: true,
      // accounts are made by an admin (UI or CLI) or by the first-start setup, never by sign-up
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: { role: { type: "string", required: false, defaultValue: "viewer", input: false } },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: 10 } },
      customStorage: { consume: (key, rule) => consumeRateLimit(`auth:${key}`, rule) },
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = Awaited<ReturnType<typeof createAuth>>;
const globalForAuth = globalThis as unknown as { rackmapAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  globalForAuth.rackmapAuth ??= createAuth().catch((error) => {
    globalForAuth.rackmapAuth = undefined;
    throw error;
  });
  return globalForAuth.rackmapAuth;
}
