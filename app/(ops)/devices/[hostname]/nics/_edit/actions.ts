"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { DeleteFormState } from "@/components/edit-form/delete-form";
import type { EditFormState } from "@/components/edit-form/simple-edit-form";
import { canEditInventory } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { actorFromViewer } from "@/lib/db/audit";
import { deleteNic, getNicForEdit, saveNic } from "@/lib/db/edit-nics";
import { csvNicRowSchema } from "@/lib/schemas/csv-nics";
import { formErrors } from "@/lib/schemas/form-errors";
import { nicFormValues } from "./nic-values";

const idCell = z.coerce.number().int().positive().max(2_147_483_647);
const refSchema = z.object({ id: idCell.optional(), version: idCell.optional() });

export async function saveNicAction(_previous: EditFormState, form: FormData): Promise<EditFormState> {
  const viewer = await requireAction(canEditInventory);
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")));
  const ref = refSchema.safeParse({ id: values.id || undefined, version: values.version || undefined });
  if (!ref.success || (ref.data.id !== undefined && ref.data.version === undefined)) return { errors: { form: "This form is damaged: reload the page and try again." }, values };
  const parsed = csvNicRowSchema.safeParse(values);
  if (!parsed.success) return { errors: formErrors(parsed.error), values };
  const { hostname, ...input } = parsed.data;
  const outcome = await saveNic({ hostname, id: ref.data.id, version: ref.data.version, input, actor: actorFromViewer(viewer) });
  if (!outcome.ok) {
    const current = outcome.reason === "stale" && ref.data.id !== undefined ? await getNicForEdit({ id: ref.data.id }) : null;
    if (outcome.reason === "stale" && current) {
      return { errors: {}, values: { ...values, version: String(current.version) }, stale: { message: outcome.message, current: nicFormValues(current) } };
    }
    return { errors: { [outcome.reason === "refused" ? (outcome.field ?? "form") : "form"]: outcome.message }, values };
  }
  revalidatePath("/", "layout");
  redirect(`/devices/${encodeURIComponent(outcome.value.hostname)}#network`);
}

export async function deleteNicAction(_previous: DeleteFormState, form: FormData): Promise<DeleteFormState> {
  const viewer = await requireAction(canEditInventory);
  const ref = z.object({ id: idCell, version: idCell }).safeParse(Object.fromEntries(form));
  if (!ref.success) return { error: "This form is damaged: reload the page and try again." };
  const outcome = await deleteNic({ id: ref.data.id, version: ref.data.version, actor: actorFromViewer(viewer) });
  if (!outcome.ok) return { error: outcome.message };
  revalidatePath("/", "layout");
  redirect(`/devices/${encodeURIComponent(outcome.value.hostname)}#network`);
}
