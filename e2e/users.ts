// The accounts scripts/e2e-server.ts creates in each run's fresh database.
export const E2E_USERS = {
  viewer: { email: "viewer@e2e.test", name: "Vera Viewer", role: "viewer", password: "e2e-viewer-password" },
  editor: { email: "editor@e2e.test", name: "Eddie Editor", role: "editor", password: "e2e-editor-password" },
  admin: { email: "admin@e2e.test", name: "Ada Admin", role: "admin", password: "e2e-admin-password" },
} as const;

export type E2ERole = keyof typeof E2E_USERS;
