import { connection } from "next/server";
import { apiError, authorizeApi } from "@/lib/api/respond";
import { canManageWorkOrders } from "@/lib/auth/permissions";
import { actorFromViewer } from "@/lib/db/audit";
import { createWorkOrder, UnknownHostsError } from "@/lib/db/work-orders";
import { newWorkOrderSchema } from "@/lib/schemas/work-order";

// POST /api/v1/work-orders: {"title", "instructions"?, "items": [{"hostname", "action", "note"?}]}
export async function POST(request: Request) {
  await connection();
  const { viewer, response } = await authorizeApi(request, canManageWorkOrders);
  if (response) return response;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return apiError(400, "bad_request", "The body must be JSON: {\"title\", \"items\": [{\"hostname\", \"action\"}]}.");
  }
  const parsed = newWorkOrderSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return apiError(400, "bad_request", `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  try {
    const order = await createWorkOrder({
      ...parsed.data,
      createdById: viewer.kind === "user" ? viewer.id : null,
      actor: actorFromViewer(viewer),
    });
    return Response.json({ id: order.id, title: parsed.data.title, items: parsed.data.items.length }, { status: 201 });
  } catch (error) {
    if (error instanceof UnknownHostsError) return apiError(400, "unknown_device", error.message, { hostnames: error.hostnames });
    throw error;
  }
}
