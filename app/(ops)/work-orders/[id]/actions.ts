"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { canManageShareLinks } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { actorFromViewer } from "@/lib/db/audit";
import { createShareLink, revokeShareLink, SHARE_MAX_HOURS } from "@/lib/db/share-links";
import { qrSvg } from "@/lib/share/qr";

export type ShareFormState = { error: string | null; url?: string; qrSvg?: string; expiresAt?: string };

const expirySchema = z.coerce.number().int().min(1).max(SHARE_MAX_HOURS);

export async function createShareLinkAction(_previous: ShareFormState, form: FormData): Promise<ShareFormState> {
  const viewer = await requireAction(canManageShareLinks);
  const workOrderId = z.coerce.number().int().positive().max(999_999_999).safeParse(form.get("workOrderId"));
  if (!workOrderId.success) return { error: "No such work order." };
  const rawHours = form.get("expiresInHours");
  const hours = expirySchema.safeParse(rawHours === null || rawHours === "" ? 24 : rawHours);
  if (!hours.success) return { error: `Expiry must be a whole number of hours from 1 to ${SHARE_MAX_HOURS}.` };
  const link = await createShareLink({ workOrderId: workOrderId.data, expiresInHours: hours.data, createdById: viewer.id, actor: actorFromViewer(viewer) });
  if (!link) return { error: "No such work order." };
  revalidatePath(`/work-orders/${workOrderId.data}`);
  // shown once, in this response only
  return { error: null, url: link.url, qrSvg: await qrSvg(link.url), expiresAt: link.expiresAt.toISOString() };
}

export async function revokeShareLinkAction(form: FormData): Promise<void> {
  const viewer = await requireAction(canManageShareLinks);
  const id = z.coerce.number().int().positive().max(999_999_999).safeParse(form.get("id"));
  if (!id.success) return;
  await revokeShareLink(id.data, actorFromViewer(viewer));
  const workOrderId = z.coerce.number().int().positive().safeParse(form.get("workOrderId"));
  if (workOrderId.success) revalidatePath(`/work-orders/${workOrderId.data}`);
}
