"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { CreateFormState } from "@/components/edit-form/create-form";
import { canEditInventory } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { actorFromViewer } from "@/lib/db/audit";
import { createCabinet } from "@/lib/db/create-places";
import { cabinetCreateFormSchema } from "@/lib/schemas/cabinet-create-form";
import { formErrors } from "@/lib/schemas/form-errors";

const roomRef = z.object({ room_id: z.coerce.number({ error: "Choose the room the cabinet stands in." }).int().positive().max(2_147_483_647) });

export async function createCabinetAction(_previous: CreateFormState, form: FormData): Promise<CreateFormState> {
  const viewer = await requireAction(canEditInventory);
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")));
  const ref = roomRef.safeParse(values);
  const parsed = cabinetCreateFormSchema.safeParse(values);
  if (!ref.success || !parsed.success) {
    return { errors: { ...(ref.success ? {} : { room_id: "Choose the room the cabinet stands in." }), ...(parsed.success ? {} : formErrors(parsed.error)) }, values };
  }
  const outcome = await createCabinet({ roomId: ref.data.room_id, input: parsed.data, actor: actorFromViewer(viewer) });
  if (!outcome.ok) return { errors: { [outcome.reason === "refused" ? (outcome.field ?? "form") : "form"]: outcome.message }, values };
  revalidatePath("/", "layout");
  redirect(`/cabinets/${outcome.value.id}`);
}
