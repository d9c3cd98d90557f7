"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { canManageWorkOrders } from "@/lib/auth/permissions";
import { publicOrigin } from "@/lib/auth/public-origin";
import { requireAction } from "@/lib/auth/viewer";
import { actorFromViewer } from "@/lib/db/audit";
import { createHandsWorkOrder } from "@/lib/db/what-if";
import { scenarioRefs } from "@/lib/schemas/impact";
import { whatIfHref } from "@/components/failure/links";

export type HandsWorkOrderState = { error: string | null };

// "Create work order from the N hosts that need hands": the scenario's `f` fields -> a work order of
// power-cycles, then its page.
export async function createWorkOrderFromScenario(_previous: HandsWorkOrderState, form: FormData): Promise<HandsWorkOrderState> {
  const viewer = await requireAction(canManageWorkOrders);
  const refs = scenarioRefs(form.getAll("f"));
  const result = await createHandsWorkOrder({
    refs,
    scenarioUrl: `${publicOrigin()}${whatIfHref(refs)}`,
    createdById: viewer.id,
    actor: actorFromViewer(viewer),
  });
  if (!result.ok) return { error: result.error };
  revalidatePath("/work-orders");
  redirect(`/work-orders/${result.id}`);
}
