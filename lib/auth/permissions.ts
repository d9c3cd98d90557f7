// Who may do what, as named predicates. Every page, server action and API route asks one of
// these itself; a layout's or proxy's check never stands in for the action's own.

export type Role = "viewer" | "editor" | "admin";

export type Viewer =
  | { kind: "user"; id: string; email: string; name: string; role: Role }
  | { kind: "api_token"; id: string; name: string; role: Role }
  | { kind: "anonymous" };

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

function atLeast(viewer: Viewer, role: Role): boolean {
  return viewer.kind !== "anonymous" && RANK[viewer.role] >= RANK[role];
}

export const canRead = (viewer: Viewer) => atLeast(viewer, "viewer");
export const canEditInventory = (viewer: Viewer) => atLeast(viewer, "editor");
export const canImport = (viewer: Viewer) => atLeast(viewer, "editor");
export const canManageWorkOrders = (viewer: Viewer) => atLeast(viewer, "editor");
export const canManageShareLinks = (viewer: Viewer) => atLeast(viewer, "editor");
export const canManageUsers = (viewer: Viewer) => atLeast(viewer, "admin");
export const canManageApiTokens = (viewer: Viewer) => atLeast(viewer, "admin");
export const canReadAudit = (viewer: Viewer) => atLeast(viewer, "viewer");

export type Permission = (viewer: Viewer) => boolean;

export function isRole(value: unknown): value is Role {
  return value === "viewer" || value === "editor" || value === "admin";
}

export function actorLabel(viewer: Viewer): string {
  switch (viewer.kind) {
    case "user":
      return viewer.email;
    case "api_token":
      return `token ${viewer.name}`;
    default:
      return "anonymous";
  }
}
