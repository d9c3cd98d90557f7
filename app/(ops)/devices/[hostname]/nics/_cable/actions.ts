"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { CreateFormState } from "@/components/edit-form/create-form";
import type { DeleteFormState } from "@/components/edit-form/delete-form";
import { canEditInventory } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { actorFromViewer } from "@/lib/db/audit";
import { connectNic, disconnectNic } from "@/lib/db/edit-cables";
import { cableFormSchema } from "@/lib/schemas/cable-form";
import { formErrors } from "@/lib/schemas/form-errors";

const idCell = z.coerce.number().int().positive().max(2_147_483_647);

export async function connectNicAction(_previous: CreateFormState, form: FormData): Promise<CreateFormState> {
  const viewer = await requireAction(canEditInventory);
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")));
  const ref = z.object({ nic_id: idCell }).safeParse(values);
  if (!ref.success) return { errors: { form: "This form is damaged: reload the page and try again." }, values };
  const parsed = cableFormSchema.safeParse(values);
  if (!parsed.success) return { errors: formErrors(parsed.error), values };
  const outcome = await connectNic({ nicId: ref.data.nic_id, input: parsed.data, actor: actorFromViewer(viewer) });
  if (!outcome.ok) return { errors: { [outcome.reason === "refused" ? (outcome.field ?? "form") : "form"]: outcome.message }, values };
  revalidatePath("/", "layout");
  redirect(`/devices/${encodeURIComponent(outcome.value.hostname)}#network`);
}

export async function disconnectNicAction(_previous: DeleteFormState, form: FormData): Promise<DeleteFormState> {
  const viewer = await requireAction(canEditInventory);
  const ref = z.object({ id: idCell, cable_id: idCell }).safeParse(Object.fromEntries(form));
  if (!ref.success) return { error: "This form is damaged: reload the page and try again." };
  const outcome = await disconnectNic({ nicId: ref.data.id, cableId: ref.data.cable_id, actor: actorFromViewer(viewer) });
  if (!outcome.ok) return { error: outcome.message };
  revalidatePath("/", "layout");
  redirect(`/devices/${encodeURIComponent(outcome.value.hostname)}#network`);
}
