"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { canManageApiTokens } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { createApiToken, revokeApiToken } from "@/lib/db/api-tokens";
import { fieldErrors, newApiTokenSchema, type FieldErrors } from "@/lib/schemas/auth";

export type TokenFormState = { errors: FieldErrors; token?: string; name?: string };

export async function createToken(_previous: TokenFormState, form: FormData): Promise<TokenFormState> {
  const viewerId = (await requireAction(canManageApiTokens)).id;
  const parsed = newApiTokenSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const { token } = await createApiToken({ ...parsed.data, createdById: viewerId });
  revalidatePath("/admin/tokens");
  // shown once, in this response only
  return { errors: {}, token, name: parsed.data.name };
}

export async function revokeToken(form: FormData): Promise<void> {
  await requireAction(canManageApiTokens);
  const id = z.coerce.number().int().positive().safeParse(form.get("id"));
  if (!id.success) return;
  await revokeApiToken(id.data);
  revalidatePath("/admin/tokens");
}
