"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { canManageUsers } from "@/lib/auth/permissions";
import { AuthorizationError, requireAction } from "@/lib/auth/viewer";
import { createUser, deleteUser, setUserRole, UserExistsError } from "@/lib/db/users";
import { fieldErrors, newUserSchema, roleSchema, type FieldErrors } from "@/lib/schemas/auth";

export type UserFormState = { errors: FieldErrors; created?: string };

export async function addUser(_previous: UserFormState, form: FormData): Promise<UserFormState> {
  const parsed = newUserSchema.safeParse(Object.fromEntries(form));
  try {
    await requireAction(canManageUsers);
    if (!parsed.success) return { errors: fieldErrors(parsed.error) };
    await createUser(parsed.data);
  } catch (error) {
    if (error instanceof AuthorizationError || error instanceof UserExistsError) return { errors: { form: error.message } };
    throw error;
  }
  revalidatePath("/admin/users");
  return { errors: {}, created: parsed.data.email };
}

const changeRoleSchema = z.object({ id: z.string().min(1), role: roleSchema });

export async function changeRole(form: FormData): Promise<void> {
  const viewer = await requireAction(canManageUsers);
  const { id, role } = changeRoleSchema.parse(Object.fromEntries(form));
  // an admin cannot demote themself and lock everyone out
  if (id === viewer.id && role !== "admin") throw new AuthorizationError(403, "You cannot remove your own admin role.");
  await setUserRole(id, role);
  revalidatePath("/admin/users");
}

export async function removeUser(form: FormData): Promise<void> {
  const viewer = await requireAction(canManageUsers);
  const id = z.string().min(1).parse(form.get("id"));
  if (id === viewer.id) throw new AuthorizationError(403, "You cannot delete your own account.");
  await deleteUser(id);
  revalidatePath("/admin/users");
}
