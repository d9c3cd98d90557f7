"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { consumeRateLimit } from "@/lib/db/rate-limit";
import { checkSetupToken, clearSetupToken } from "@/lib/db/setup-token";
import { countUsers, createUser } from "@/lib/db/users";
import { fieldErrors, setupSchema, type FieldErrors } from "@/lib/schemas/auth";

export type SetupState = { errors: FieldErrors; values?: { email?: string; name?: string } };

// Creates the first admin. Allowed only while no user exists, and only with the token the server
// printed at start; guessing it is rate-limited.
export async function createFirstAdmin(_previous: SetupState, form: FormData): Promise<SetupState> {
  const values = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? "") };
  if ((await countUsers()) > 0) return { errors: { form: "Rackmap is already set up: sign in instead." }, values };
  const parsed = setupSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const client = (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
  const limit = await consumeRateLimit(`setup:${client}`, { window: 300, max: 10 });
  if (!limit.allowed) return { errors: { form: `Too many attempts. Try again in ${limit.retryAfter} seconds.` }, values };
  if (!(await checkSetupToken(parsed.data.setupToken))) {
    return { errors: { setupToken: "That is not the setup token printed in the server's console at its last start." }, values };
  }
  await createUser({ email: parsed.data.email, name: parsed.data.name, role: "admin", password: parsed.data.password });
  await clearSetupToken();
  const auth = await getAuth();
  await auth.api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  redirect("/");
}
