"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { canEditInventory } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { actorFromViewer } from "@/lib/db/audit";
import { deleteDevices, MAX_BULK_DEVICES, setDevicesField, type BulkOutcome } from "@/lib/db/bulk-devices";
import { DeviceStatus } from "@/lib/db/generated/enums";

// The devices table's bulk actions, on the hostnames the operator selected.

const hostnames = z.array(z.string().min(1).max(253)).min(1).max(MAX_BULK_DEVICES);
const statusInput = z.object({ hostnames, status: z.enum(Object.values(DeviceStatus)) });
const roleInput = z.object({ hostnames, role: z.string().trim().max(100) });
const deleteInput = z.object({ hostnames });

const INVALID: BulkOutcome = { ok: false, message: "Select the devices first, then choose what to do with them." };

export async function setDevicesStatusAction(input: unknown): Promise<BulkOutcome> {
  const viewer = await requireAction(canEditInventory);
  const parsed = statusInput.safeParse(input);
  if (!parsed.success) return INVALID;
  const outcome = await setDevicesField({ hostnames: parsed.data.hostnames, field: "status", value: parsed.data.status, actor: actorFromViewer(viewer) });
  if (outcome.ok) revalidatePath("/devices");
  return outcome;
}

export async function setDevicesRoleAction(input: unknown): Promise<BulkOutcome> {
  const viewer = await requireAction(canEditInventory);
  const parsed = roleInput.safeParse(input);
  if (!parsed.success) return INVALID;
  const outcome = await setDevicesField({ hostnames: parsed.data.hostnames, field: "role", value: parsed.data.role, actor: actorFromViewer(viewer) });
  if (outcome.ok) revalidatePath("/devices");
  return outcome;
}

export async function deleteDevicesAction(input: unknown): Promise<BulkOutcome> {
  const viewer = await requireAction(canEditInventory);
  const parsed = deleteInput.safeParse(input);
  if (!parsed.success) return INVALID;
  const outcome = await deleteDevices({ hostnames: parsed.data.hostnames, actor: actorFromViewer(viewer) });
  if (outcome.ok) revalidatePath("/devices");
  return outcome;
}
