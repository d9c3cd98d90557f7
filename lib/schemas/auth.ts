import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../auth/password";

export const roleSchema = z.enum(["viewer", "editor", "admin"], { error: "Role is viewer, editor or admin." });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter an e-mail address, like ops@example.com." }));

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `A password has at least ${MIN_PASSWORD_LENGTH} characters.` })
  .max(256, { error: "A password has at most 256 characters." });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: "Enter your password." }).max(256),
  next: z.string().optional(),
});

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(100).optional(),
  role: roleSchema,
  password: newPasswordSchema,
});

export const setupSchema = newUserSchema.omit({ role: true }).extend({
  setupToken: z.string().trim().min(1, { error: "Enter the setup token printed in the server's console." }),
});

export const newApiTokenSchema = z.object({
  name: z.string().trim().min(1, { error: "Give the token a name that says what uses it." }).max(100),
  role: roleSchema,
});

// Only a path on this site: never an absolute URL an attacker could send a user to.
export function safeReturnPath(next: string | undefined | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}

export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
