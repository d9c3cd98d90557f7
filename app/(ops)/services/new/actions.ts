"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { CreateFormState } from "@/components/edit-form/create-form";
import { canEditInventory } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { actorFromViewer } from "@/lib/db/audit";
import { createService } from "@/lib/db/create-catalog";
import { formErrors } from "@/lib/schemas/form-errors";
import { serviceFormSchema } from "@/lib/schemas/service-form";

export async function createServiceAction(_previous: CreateFormState, form: FormData): Promise<CreateFormState> {
  const viewer = await requireAction(canEditInventory);
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")));
  const parsed = serviceFormSchema.safeParse(values);
  if (!parsed.success) return { errors: formErrors(parsed.error), values };
  const outcome = await createService({ input: parsed.data, actor: actorFromViewer(viewer) });
  if (!outcome.ok) return { errors: { [outcome.reason === "refused" ? (outcome.field ?? "form") : "form"]: outcome.message }, values };
  revalidatePath("/", "layout");
  redirect(`/services/${encodeURIComponent(outcome.value.name)}`);
}
