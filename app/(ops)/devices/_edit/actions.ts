"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { canEditInventory } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { actorFromViewer } from "@/lib/db/audit";
import { deleteDevice, getCabinetUnits, getDeviceForEdit, saveDevice, type CabinetUnits } from "@/lib/db/edit-devices";
import { deviceFormSchema, versionedRefSchema } from "@/lib/schemas/device-form";
import { formErrors } from "@/lib/schemas/form-errors";
import { deviceFormValues, type DeviceFormState, type DeleteState } from "./form-state";

function submitted(form: FormData): Record<string, string> {
  return Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")));
}

export async function saveDeviceAction(_previous: DeviceFormState, form: FormData): Promise<DeviceFormState> {
  const viewer = await requireAction(canEditInventory);
  const values = submitted(form);
  const ref = versionedRefSchema.safeParse(values);
  if (!ref.success || (ref.data.id !== undefined && ref.data.version === undefined)) {
    return { errors: { form: "This form is damaged: reload the page and try again." }, values };
  }
  const parsed = deviceFormSchema.safeParse(values);
  if (!parsed.success) return { errors: formErrors(parsed.error), values };
  const outcome = await saveDevice({ id: ref.data.id, version: ref.data.version, input: parsed.data, actor: actorFromViewer(viewer) });
  if (!outcome.ok) {
    if (outcome.reason === "stale" && ref.data.id !== undefined) {
      const current = await getDeviceForEdit({ id: ref.data.id });
      // the current version goes back into the form: saving again is a deliberate overwrite
      return current
        ? { errors: {}, values: { ...values, version: String(current.version) }, stale: { message: outcome.message, current: deviceFormValues(current) } }
        : { errors: { form: "That device no longer exists: someone deleted it." }, values };
    }
    return { errors: { [outcome.reason === "refused" ? (outcome.field ?? "form") : "form"]: outcome.message }, values };
  }
  revalidatePath("/", "layout");
  redirect(`/devices/${encodeURIComponent(outcome.value.hostname)}`);
}

const deleteSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), version: z.coerce.number().int().positive().max(2_147_483_647) });

export async function deleteDeviceAction(_previous: DeleteState, form: FormData): Promise<DeleteState> {
  const viewer = await requireAction(canEditInventory);
  const parsed = deleteSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: "This form is damaged: reload the page and try again." };
  const outcome = await deleteDevice({ id: parsed.data.id, version: parsed.data.version, actor: actorFromViewer(viewer) });
  if (!outcome.ok) return { error: outcome.message };
  revalidatePath("/", "layout");
  redirect(`/devices?deleted=${encodeURIComponent(outcome.value.hostname)}`);
}

// The position picker asks for another cabinet's units when the cabinet choice changes.
export async function loadCabinetUnits(cabinetId: unknown): Promise<CabinetUnits | null> {
  await requireAction(canEditInventory);
  const id = z.number().int().positive().max(2_147_483_647).safeParse(cabinetId);
  return id.success ? getCabinetUnits({ cabinetId: id.data }) : null;
}
