"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { CreateFormState } from "@/components/edit-form/create-form";
import { canEditInventory } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { actorFromViewer } from "@/lib/db/audit";
import { createSite } from "@/lib/db/create-places";
import { formErrors } from "@/lib/schemas/form-errors";
import { siteFormSchema } from "@/lib/schemas/place-form";

export async function createSiteAction(_previous: CreateFormState, form: FormData): Promise<CreateFormState> {
  const viewer = await requireAction(canEditInventory);
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")));
  const parsed = siteFormSchema.safeParse(values);
  if (!parsed.success) return { errors: formErrors(parsed.error), values };
  const outcome = await createSite({ input: parsed.data, actor: actorFromViewer(viewer) });
  if (!outcome.ok) return { errors: { [outcome.reason === "refused" ? (outcome.field ?? "form") : "form"]: outcome.message }, values };
  revalidatePath("/", "layout");
  redirect(`/sites/${outcome.value.id}`);
}
