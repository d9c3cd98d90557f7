import "server-only";
import { getApiViewer } from "../auth/viewer";
import type { Permission, Viewer } from "../auth/permissions";

// DESIGN.md's error shape: {"error": {"code", "message"}} with the right status.
export function apiError(status: number, code: string, message: string, extra?: Record<string, unknown>): Response {
  return Response.json({ error: { code, message, ...extra } }, { status, headers: { "Cache-Control": "no-store" } });
}

// Every /api/v1 route starts here: who is asking (Bearer token or session), and may they?
export async function authorizeApi(
  request: Request,
  permission: Permission,
): Promise<{ viewer: Viewer; response?: undefined } | { viewer?: undefined; response: Response }> {
  const viewer = await getApiViewer(request);
  if (viewer.kind === "anonymous") {
    return { response: apiError(401, "unauthorized", "Send an API token as `Authorization: Bearer <token>`, or sign in.") };
  }
  if (!permission(viewer)) {
    return { response: apiError(403, "forbidden", `The ${viewer.role} role cannot do this.`) };
  }
  return { viewer };
}
