"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { canManageUsers } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { createUser, deleteUser, setUserRole, UserExistsError } from "@/lib/db/users";
import { fieldErrors, newUserSchema, roleSchema, type FieldErrors } from "@/lib/schemas/auth";

export type UserFormState = { errors: FieldErrors; created?: string };

export async function addUser(_previous: UserFormState, form: FormData): Promise<UserFormState> {
  await requireAction(canManageUsers);
  const parsed = newUserSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  try {
    await createUser(parsed.data);
  } catch (error) {
    if (error instanceof UserExistsError) return { errors: { email: error.message } };
    throw error;
  }
  revalidatePath("/admin/users");
  return { errors: {}, created: parsed.data.email };
}

const changeRoleSchema = z.object({ id: z.string().min(1), role: roleSchema });

export async function changeRole(form: FormData): Promise<void> {
  const viewer = await requireAction(canManageUsers);
  const parsed = changeRoleSchema.safeParse(Object.fromEntries(form));
  // an admin cannot demote themself and lock everyone out (the page offers no such control)
  if (!parsed.success || parsed.data.id === viewer.id) return;
  await setUserRole(parsed.data.id, parsed.data.role);
  revalidatePath("/admin/users");
}

export async function removeUser(form: FormData): Promise<void> {
  const viewer = await requireAction(canManageUsers);
  const id = z.string().min(1).safeParse(form.get("id"));
  if (!id.success || id.data === viewer.id) return;
  await deleteUser(id.data);
  revalidatePath("/admin/users");
}
