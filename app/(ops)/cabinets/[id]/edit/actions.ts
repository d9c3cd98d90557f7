"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { canEditInventory } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { actorFromViewer } from "@/lib/db/audit";
import { deleteCabinet, getCabinetForEdit, updateCabinet } from "@/lib/db/edit-cabinets";
import { cabinetFormSchema } from "@/lib/schemas/cabinet-form";
import { formErrors } from "@/lib/schemas/form-errors";

export type CabinetFormState = {
  errors: Record<string, string>;
  values?: Record<string, string>;
  stale?: { message: string; current: Record<string, string> };
  // the devices a refusal is about (a shrink that would leave them sticking out, a feed they draw on)
  names?: string[];
};

export type CabinetDeleteState = { error: string | null; names?: string[] };

const refSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), version: z.coerce.number().int().positive().max(2_147_483_647) });

export async function updateCabinetAction(_previous: CabinetFormState, form: FormData): Promise<CabinetFormState> {
  const viewer = await requireAction(canEditInventory);
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")));
  const ref = refSchema.safeParse(values);
  if (!ref.success) return { errors: { form: "This form is damaged: reload the page and try again." }, values };
  const parsed = cabinetFormSchema.safeParse(values);
  if (!parsed.success) return { errors: formErrors(parsed.error), values };
  const outcome = await updateCabinet({ id: ref.data.id, version: ref.data.version, input: parsed.data, actor: actorFromViewer(viewer) });
  if (!outcome.ok) {
    if (outcome.reason === "stale") {
      const current = await getCabinetForEdit({ id: ref.data.id });
      if (current) {
        return {
          errors: {},
          values: { ...values, version: String(current.version) },
          stale: { message: outcome.message, current: { cabinet: current.name, room: current.room ?? "", height_u: String(current.heightU), power_feeds: current.powerFeeds, notes: current.notes } },
        };
      }
    }
    const field = outcome.reason === "refused" ? (outcome.field ?? "form") : "form";
    return { errors: { [field]: outcome.message }, values, names: outcome.reason === "refused" ? outcome.names : undefined };
  }
  revalidatePath("/", "layout");
  redirect(`/cabinets/${outcome.value.id}`);
}

export async function deleteCabinetAction(_previous: CabinetDeleteState, form: FormData): Promise<CabinetDeleteState> {
  const viewer = await requireAction(canEditInventory);
  const ref = refSchema.safeParse(Object.fromEntries(form));
  if (!ref.success) return { error: "This form is damaged: reload the page and try again." };
  const outcome = await deleteCabinet({ id: ref.data.id, version: ref.data.version, actor: actorFromViewer(viewer) });
  if (!outcome.ok) return { error: outcome.message, names: outcome.reason === "refused" ? outcome.names : undefined };
  revalidatePath("/", "layout");
  redirect(`/sites/${outcome.value.siteId}`);
}
