"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { canManageApiTokens } from "@/lib/auth/permissions";
import { AuthorizationError, requireAction } from "@/lib/auth/viewer";
import { createApiToken, revokeApiToken } from "@/lib/db/api-tokens";
import { fieldErrors, newApiTokenSchema, type FieldErrors } from "@/lib/schemas/auth";

export type TokenFormState = { errors: FieldErrors; token?: string; name?: string };

export async function createToken(_previous: TokenFormState, form: FormData): Promise<TokenFormState> {
  let viewerId: string;
  try {
    viewerId = (await requireAction(canManageApiTokens)).id;
  } catch (error) {
    if (error instanceof AuthorizationError) return { errors: { form: error.message } };
    throw error;
  }
  const parsed = newApiTokenSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const { token } = await createApiToken({ ...parsed.data, createdById: viewerId });
  revalidatePath("/admin/tokens");
  // shown once, in this response only
  return { errors: {}, token, name: parsed.data.name };
}

export async function revokeToken(form: FormData): Promise<void> {
  await requireAction(canManageApiTokens);
  await revokeApiToken(z.coerce.number().int().positive().parse(form.get("id")));
  revalidatePath("/admin/tokens");
}
