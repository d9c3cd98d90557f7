"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { fieldErrors, safeReturnPath, signInSchema, type FieldErrors } from "@/lib/schemas/auth";

export type SignInState = { errors: FieldErrors; email?: string };

export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), email: String(form.get("email") ?? "") };
  const auth = await getAuth();
  try {
    await auth.api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    const message =
      status === 429
        ? "Too many sign-in attempts. Wait a minute, then try again."
        : "That e-mail and password do not match an account.";
    return { errors: { form: message }, email: parsed.data.email };
  }
  redirect(safeReturnPath(parsed.data.next));
}

export async function signOut(): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() }).catch(() => {});
  redirect("/login");
}
