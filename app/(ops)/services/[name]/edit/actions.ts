"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { DeleteFormState } from "@/components/edit-form/delete-form";
import type { EditFormState } from "@/components/edit-form/simple-edit-form";
import { canEditInventory } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { actorFromViewer } from "@/lib/db/audit";
import { deleteService, formatMembers, getServiceForEdit, updateService } from "@/lib/db/edit-services";
import { formErrors } from "@/lib/schemas/form-errors";
import { serviceFormSchema } from "@/lib/schemas/service-form";

const refSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), version: z.coerce.number().int().positive().max(2_147_483_647) });

export async function updateServiceAction(_previous: EditFormState, form: FormData): Promise<EditFormState> {
  const viewer = await requireAction(canEditInventory);
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")));
  const ref = refSchema.safeParse(values);
  if (!ref.success) return { errors: { form: "This form is damaged: reload the page and try again." }, values };
  const parsed = serviceFormSchema.safeParse(values);
  if (!parsed.success) return { errors: formErrors(parsed.error), values };
  const outcome = await updateService({ id: ref.data.id, version: ref.data.version, input: parsed.data, actor: actorFromViewer(viewer) });
  if (!outcome.ok) {
    if (outcome.reason === "stale") {
      const row = await getServiceForEdit({ id: ref.data.id });
      if (row) {
        return {
          errors: {},
          values: { ...values, version: String(row.version) },
          stale: { message: outcome.message, current: { service: row.name, description: row.description, min_up: String(row.minUp), members: formatMembers(row.members) } },
        };
      }
    }
    return { errors: { [outcome.reason === "refused" ? (outcome.field ?? "form") : "form"]: outcome.message }, values };
  }
  revalidatePath("/", "layout");
  redirect(`/services/${encodeURIComponent(outcome.value.name)}`);
}

export async function deleteServiceAction(_previous: DeleteFormState, form: FormData): Promise<DeleteFormState> {
  const viewer = await requireAction(canEditInventory);
  const ref = refSchema.safeParse(Object.fromEntries(form));
  if (!ref.success) return { error: "This form is damaged: reload the page and try again." };
  const outcome = await deleteService({ id: ref.data.id, version: ref.data.version, actor: actorFromViewer(viewer) });
  if (!outcome.ok) return { error: outcome.message };
  revalidatePath("/", "layout");
  redirect("/services");
}
