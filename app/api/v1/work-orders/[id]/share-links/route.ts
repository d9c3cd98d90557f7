import { connection } from "next/server";
import { apiError, authorizeApi } from "@/lib/api/respond";
import { canManageShareLinks } from "@/lib/auth/permissions";
import { actorFromViewer } from "@/lib/db/audit";
import { createShareLink, parseExpiryHours, ShareExpiryError } from "@/lib/db/share-links";

type Params = { id: string };

// POST /api/v1/work-orders/{id}/share-links: {"expiresInHours"?} -> 201 {"id", "url", "expiresAt"}; the
// url carries the token and is returned this once only.
export async function POST(request: Request, { params }: { params: Promise<Params> }) {
  await connection();
  const { viewer, response } = await authorizeApi(request, canManageShareLinks);
  if (response) return response;
  const { id } = await params;
  const workOrderId = /^\d{1,9}$/.test(id) ? Number(id) : null;
  if (workOrderId === null) return apiError(404, "not_found", `No work order ${id}.`);
  let body: unknown = {};
  const raw = await request.text();
  if (raw.trim()) {
    try {
      body = JSON.parse(raw);
    } catch {
      return apiError(400, "bad_request", "The body must be JSON: {\"expiresInHours\"?}.");
    }
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return apiError(400, "bad_request", "The body must be a JSON object.");
  let hours: number;
  try {
    const value = (body as { expiresInHours?: unknown }).expiresInHours;
    if (typeof value === "string") throw new ShareExpiryError("expiresInHours must be a number.");
    hours = parseExpiryHours(value);
  } catch (error) {
    if (error instanceof ShareExpiryError) return apiError(400, "bad_request", error.message);
    throw error;
  }
  const link = await createShareLink({
    workOrderId,
    expiresInHours: hours,
    createdById: viewer.kind === "user" ? viewer.id : null,
    actor: actorFromViewer(viewer),
  });
  if (!link) return apiError(404, "not_found", `No work order ${workOrderId}.`);
  return Response.json({ id: link.id, url: link.url, expiresAt: link.expiresAt.toISOString() }, { status: 201 });
}
