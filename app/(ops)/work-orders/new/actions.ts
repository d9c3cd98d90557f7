"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { canManageWorkOrders } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { actorFromViewer } from "@/lib/db/audit";
import { createWorkOrder, UnknownHostsError } from "@/lib/db/work-orders";
import { newWorkOrderSchema } from "@/lib/schemas/work-order";

export type NewWorkOrderState = { error: string | null; unknownHosts?: string[] };

// The new-work-order form: one `hostname`, `action` and `note` field per row, in row order.
export async function createWorkOrderAction(_previous: NewWorkOrderState, form: FormData): Promise<NewWorkOrderState> {
  const viewer = await requireAction(canManageWorkOrders);
  const text = (v: FormDataEntryValue) => (typeof v === "string" ? v : "");
  const actions = form.getAll("action").map(text);
  const notes = form.getAll("note").map(text);
  const parsed = newWorkOrderSchema.safeParse({
    title: text(form.get("title") ?? ""),
    instructions: text(form.get("instructions") ?? ""),
    items: form.getAll("hostname").map((hostname, i) => ({ hostname: text(hostname), action: actions[i], note: notes[i] ?? "" })),
  });
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  let id: number;
  try {
    ({ id } = await createWorkOrder({ ...parsed.data, createdById: viewer.id, actor: actorFromViewer(viewer) }));
  } catch (error) {
    if (error instanceof UnknownHostsError) return { error: `${error.message} Fix or remove ${error.hostnames.length === 1 ? "it" : "them"}.`, unknownHosts: error.hostnames };
    throw error;
  }
  revalidatePath("/work-orders");
  redirect(`/work-orders/${id}`);
}
