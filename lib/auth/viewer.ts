import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect, unauthorized } from "next/navigation";
import { findActiveApiToken } from "../db/api-tokens";
import { getAuth } from "./auth";
import { isRole, type Permission, type Viewer } from "./permissions";

const ANONYMOUS: Viewer = { kind: "anonymous" };

async function viewerFromSession(requestHeaders: Headers): Promise<Viewer> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return ANONYMOUS;
  const role = (session.user as { role?: unknown }).role;
  return {
    kind: "user",
    id: session.user.id,
    email: session.user.email,
    name: session.user.name,
    role: isRole(role) ? role : "viewer",
  };
}

// The signed-in operator of this request (pages, layouts, server actions), once per request.
export const getViewer = cache(async (): Promise<Viewer> => viewerFromSession(await headers()));

// For pages: anonymous -> sign-in (coming back here afterwards), lacking the permission -> 403.
export async function requirePage(permission: Permission, returnTo: string): Promise<Viewer & { kind: "user" }> {
  const viewer = await getViewer();
  if (viewer.kind !== "user") redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  if (!permission(viewer)) forbidden();
  return viewer;
}

export class AuthorizationError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

// For server actions: the action's own check, whatever the page around it checked. It runs before
// the action reads its input, and answers 401 or 403 (Next's unauthorized()/forbidden()), so the
// access-matrix test can see the refusal over HTTP.
export async function requireAction(permission: Permission): Promise<Viewer & { kind: "user" }> {
  const viewer = await getViewer();
  if (viewer.kind !== "user") unauthorized();
  if (!permission(viewer)) forbidden();
  return viewer;
}

// For /api/v1 routes: a Bearer API token, or the session cookie of a signed-in operator.
export async function getApiViewer(request: Request): Promise<Viewer> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) return ANONYMOUS;
    const token = await findActiveApiToken(match[1]!);
    return token ? { kind: "api_token", id: String(token.id), name: token.name, role: token.role } : ANONYMOUS;
  }
  return viewerFromSession(request.headers);
}
