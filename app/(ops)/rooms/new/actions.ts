"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { CreateFormState } from "@/components/edit-form/create-form";
import { canEditInventory } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { actorFromViewer } from "@/lib/db/audit";
import { createRoom } from "@/lib/db/create-places";
import { formErrors } from "@/lib/schemas/form-errors";
import { roomFormSchema } from "@/lib/schemas/place-form";

const siteRef = z.object({ site_id: z.coerce.number().int().positive().max(2_147_483_647) });

export async function createRoomAction(_previous: CreateFormState, form: FormData): Promise<CreateFormState> {
  const viewer = await requireAction(canEditInventory);
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")));
  const ref = siteRef.safeParse(values);
  if (!ref.success) return { errors: { form: "This form is damaged: reload the page and try again." }, values };
  const parsed = roomFormSchema.safeParse(values);
  if (!parsed.success) return { errors: formErrors(parsed.error), values };
  const outcome = await createRoom({ siteId: ref.data.site_id, input: parsed.data, actor: actorFromViewer(viewer) });
  if (!outcome.ok) return { errors: { [outcome.reason === "refused" ? (outcome.field ?? "form") : "form"]: outcome.message }, values };
  revalidatePath("/", "layout");
  redirect(`/rooms/${outcome.value.id}`);
}
