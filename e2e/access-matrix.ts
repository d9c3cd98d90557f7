// Who may reach what: every page, API route and server action of the app, with the least role that
// may use it. tests/access-matrix-complete.test.ts fails when a route or action is missing here;
// e2e/access-matrix.spec.ts asks each one as anonymous, viewer, editor and admin.

export type Access = "public" | "viewer" | "editor" | "admin";

// `expect`: the statuses an allowed caller gets (default: 200, or 200/307 for a public page)
export type PageEntry = { route: string; path: string; access: Access; expect?: number[] };
export type ApiEntry = {
  route: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  access: Access;
  body?: string;
  contentType?: string;
  // the statuses an allowed caller gets (default: any 2xx or 3xx)
  expect?: number[];
};
// `form` is harmless input: allowed callers must get past authorization without changing anything
export type ActionEntry = { file: string; name: string; access: Access; page: string; form?: Record<string, string>; state?: unknown };

export const PAGES: PageEntry[] = [
  { route: "/login", path: "/login", access: "public" },
  { route: "/setup", path: "/setup", access: "public" },
  { route: "/", path: "/", access: "viewer" },
  { route: "/sites", path: "/sites", access: "viewer" },
  { route: "/cabinets", path: "/cabinets", access: "viewer" },
  { route: "/cabinets/[id]", path: "/cabinets/1", access: "viewer" },
  { route: "/devices/[hostname]", path: "/devices/redis-01", access: "viewer" },
  { route: "/rooms/[id]", path: "/rooms/1", access: "viewer" },
  { route: "/sites/[id]", path: "/sites/1", access: "viewer" },
  { route: "/devices", path: "/devices", access: "viewer" },
  { route: "/services", path: "/services", access: "viewer" },
  { route: "/work-orders", path: "/work-orders", access: "viewer" },
  { route: "/import", path: "/import", access: "viewer" },
  { route: "/audit", path: "/audit", access: "viewer" },
  // a query with many matches and no exact one: the result list, not a redirect to a device
  { route: "/search", path: "/search?q=app", access: "viewer" },
  { route: "/services/[name]", path: "/services/basecamp-db", access: "viewer" },
  // written as Playwright sends it (it percent-encodes `:` and `/` in a query), so the sign-in redirect matches
  { route: "/what-if", path: "/what-if?f=cabinet%3AORD1%2FA01", access: "viewer" },
  { route: "/domains", path: "/domains", access: "viewer" },
  { route: "/findings", path: "/findings", access: "viewer" },
  // work order 1 is made by scripts/e2e-server.ts: pages are asked before anything else creates one
  { route: "/work-orders/[id]", path: "/work-orders/1", access: "viewer" },
  // a share link's page needs no session; a token nobody issued is a 404
  { route: "/share/[token]", path: "/share/not-a-real-token", access: "public", expect: [404] },
  { route: "/admin/users", path: "/admin/users", access: "admin" },
  { route: "/admin/tokens", path: "/admin/tokens", access: "admin" },
];

export const API: ApiEntry[] = [
  { route: "/api/health", method: "GET", path: "/api/health", access: "public" },
  { route: "/api/auth/[...all]", method: "GET", path: "/api/auth/get-session", access: "public" },
  // wrong credentials: a public endpoint that answers, and changes nothing
  { route: "/api/auth/[...all]", method: "POST", path: "/api/auth/sign-in/email", access: "public", body: JSON.stringify({ email: "nobody@e2e.test", password: "wrong-password" }), contentType: "application/json", expect: [401] },
  { route: "/api/v1/whoami", method: "GET", path: "/api/v1/whoami", access: "viewer" },
  { route: "/api/v1/impact", method: "POST", path: "/api/v1/impact", access: "viewer", body: JSON.stringify({ failed: ["cabinet:ORD1/A01"] }), contentType: "application/json", expect: [200] },
  { route: "/api/v1/spof", method: "GET", path: "/api/v1/spof", access: "viewer", expect: [200] },
  { route: "/api/v1/monitoring/nagios", method: "GET", path: "/api/v1/monitoring/nagios", access: "viewer", expect: [200] },
  { route: "/api/v1/failure-domains", method: "GET", path: "/api/v1/failure-domains?q=a01", access: "viewer", expect: [200] },
  { route: "/api/v1/locate", method: "GET", path: "/api/v1/locate?q=app-01", access: "viewer" },
  { route: "/api/v1/devices/[hostname]", method: "GET", path: "/api/v1/devices/redis-01", access: "viewer", expect: [200] },
  // a dry run of a file with a header and no rows: allowed callers get a report, nothing is written
  { route: "/api/v1/import/[kind]", method: "POST", path: "/api/v1/import/services?dry_run=1", access: "editor", contentType: "text/csv", body: "service,hostname\n", expect: [200] },
  { route: "/api/v1/export/[kind]", method: "GET", path: "/api/v1/export/models", access: "viewer", expect: [200] },
  { route: "/api/v1/work-orders", method: "POST", path: "/api/v1/work-orders", access: "editor", contentType: "application/json", body: JSON.stringify({ title: "access matrix", items: [{ hostname: "app-01", action: "inspect" }] }), expect: [201] },
  // an unknown work order: allowed callers get past authorization, and no link is made
  { route: "/api/v1/work-orders/[id]/share-links", method: "POST", path: "/api/v1/work-orders/999999/share-links", access: "editor", contentType: "application/json", body: "{}", expect: [404] },
  // the technician's form post under a share link; a token nobody issued is a 404 and changes nothing
  { route: "/share/[token]/items/[itemId]", method: "POST", path: "/share/not-a-real-token/items/1", access: "public", contentType: "application/x-www-form-urlencoded", body: "status=done&note=x", expect: [404] },
];

export const ACTIONS: ActionEntry[] = [
  { file: "app/(auth)/login/actions.ts", name: "signIn", access: "public", page: "/login", state: { errors: {} }, form: { email: "nobody@e2e.test", password: "wrong" } },
  { file: "app/(auth)/setup/actions.ts", name: "createFirstAdmin", access: "public", page: "/setup", state: { errors: {} }, form: {} },
  { file: "app/(ops)/admin/users/actions.ts", name: "addUser", access: "admin", page: "/admin/users", state: { errors: {} }, form: { email: "not-an-email" } },
  { file: "app/(ops)/admin/users/actions.ts", name: "changeRole", access: "admin", page: "/admin/users", form: { id: "no-such-user", role: "viewer" } },
  { file: "app/(ops)/admin/users/actions.ts", name: "removeUser", access: "admin", page: "/admin/users", form: { id: "no-such-user" } },
  { file: "app/(ops)/admin/tokens/actions.ts", name: "createToken", access: "admin", page: "/admin/tokens", state: { errors: {} }, form: { name: "" } },
  { file: "app/(ops)/admin/tokens/actions.ts", name: "revokeToken", access: "admin", page: "/admin/tokens", form: { id: "999999" } },
  // called with a form instead of a cabinet id: allowed callers get past authorization and draw nothing
  { file: "app/(ops)/rooms/[id]/actions.ts", name: "loadRowCabinet", access: "viewer", page: "/rooms/1", form: { cabinetId: "1" } },
  // an unknown domain: allowed callers get the error back, and nothing is written
  { file: "app/(ops)/what-if/actions.ts", name: "createWorkOrderFromScenario", access: "editor", page: "/what-if", state: { error: null }, form: { f: "cabinet:NO-SUCH-SITE/NONE" } },
  // an unknown work order and an unknown link: allowed callers get past authorization, nothing is written
  { file: "app/(ops)/work-orders/[id]/actions.ts", name: "createShareLinkAction", access: "editor", page: "/work-orders/1", state: { error: null }, form: { workOrderId: "999999", expiresInHours: "24" } },
  { file: "app/(ops)/work-orders/[id]/actions.ts", name: "revokeShareLinkAction", access: "editor", page: "/work-orders/1", form: { id: "999999" } },
  // last: it ends the session the other entries are asked with
  { file: "app/(auth)/login/actions.ts", name: "signOut", access: "public", page: "/login" },
];
