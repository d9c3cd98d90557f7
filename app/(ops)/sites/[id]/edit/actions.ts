"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { DeleteFormState } from "@/components/edit-form/delete-form";
import type { EditFormState } from "@/components/edit-form/simple-edit-form";
import { canEditInventory } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { actorFromViewer } from "@/lib/db/audit";
import { deleteSite, getSiteForEdit, updateSite } from "@/lib/db/edit-sites";
import { formErrors } from "@/lib/schemas/form-errors";
import { siteFormSchema } from "@/lib/schemas/place-form";

const refSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), version: z.coerce.number().int().positive().max(2_147_483_647) });

export async function updateSiteAction(_previous: EditFormState, form: FormData): Promise<EditFormState> {
  const viewer = await requireAction(canEditInventory);
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")));
  const ref = refSchema.safeParse(values);
  if (!ref.success) return { errors: { form: "This form is damaged: reload the page and try again." }, values };
  const parsed = siteFormSchema.safeParse(values);
  if (!parsed.success) return { errors: formErrors(parsed.error), values };
  const outcome = await updateSite({ id: ref.data.id, version: ref.data.version, input: parsed.data, actor: actorFromViewer(viewer) });
  if (!outcome.ok) {
    const current = outcome.reason === "stale" ? await getSiteForEdit({ id: ref.data.id }) : null;
    if (outcome.reason === "stale" && current) {
      return {
        errors: {},
        values: { ...values, version: String(current.version) },
        stale: {
          message: outcome.message,
          current: {
            name: current.name,
            address: current.address,
            remote_hands_phone: current.remoteHandsPhone,
            remote_hands_email: current.remoteHandsEmail,
            access_notes: current.accessNotes,
          },
        },
      };
    }
    return { errors: { [outcome.reason === "refused" ? (outcome.field ?? "form") : "form"]: outcome.message }, values };
  }
  revalidatePath("/", "layout");
  redirect(`/sites/${outcome.value.id}`);
}

export async function deleteSiteAction(_previous: DeleteFormState, form: FormData): Promise<DeleteFormState> {
  const viewer = await requireAction(canEditInventory);
  const ref = refSchema.safeParse(Object.fromEntries(form));
  if (!ref.success) return { error: "This form is damaged: reload the page and try again." };
  const outcome = await deleteSite({ id: ref.data.id, version: ref.data.version, actor: actorFromViewer(viewer) });
  if (!outcome.ok) return { error: outcome.message, names: outcome.reason === "refused" ? outcome.names : undefined };
  revalidatePath("/", "layout");
  redirect("/sites");
}
