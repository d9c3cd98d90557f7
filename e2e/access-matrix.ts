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
  { route: "/devices/[hostname]/edit", path: "/devices/redis-01/edit", access: "editor" },
  { route: "/devices/new", path: "/devices/new", access: "editor" },
  { route: "/cabinets/[id]/edit", path: "/cabinets/1/edit", access: "editor" },
  { route: "/rooms/[id]/edit", path: "/rooms/1/edit", access: "editor" },
  { route: "/sites/[id]/edit", path: "/sites/1/edit", access: "editor" },
  { route: "/models/[id]/edit", path: "/models/1/edit", access: "editor" },
  { route: "/services/[name]/edit", path: "/services/basecamp-db/edit", access: "editor" },
  { route: "/devices/[hostname]/nics/new", path: "/devices/redis-01/nics/new", access: "editor" },
  { route: "/sites/new", path: "/sites/new", access: "editor" },
  { route: "/rooms/new", path: "/rooms/new?site=1", access: "editor" },
  { route: "/cabinets/new", path: "/cabinets/new?room=1", access: "editor" },
  { route: "/models/new", path: "/models/new", access: "editor" },
  { route: "/services/new", path: "/services/new", access: "editor" },
  // a Nic id of the demo's redis-01 (ids follow the seed's order); e2e/edit.spec.ts edits one through the page
  { route: "/devices/[hostname]/nics/[id]/edit", path: "/devices/redis-01/nics/239/edit", access: "editor", expect: [200, 404] },
  { route: "/devices/[hostname]/nics/[id]/connect", path: "/devices/redis-01/nics/239/connect", access: "editor", expect: [200, 404] },
  { route: "/rooms/[id]", path: "/rooms/1", access: "viewer" },
  { route: "/sites/[id]", path: "/sites/1", access: "viewer" },
  { route: "/devices", path: "/devices", access: "viewer" },
  { route: "/rooms", path: "/rooms", access: "viewer" },
  { route: "/models", path: "/models", access: "viewer" },
  { route: "/nics", path: "/nics", access: "viewer" },
  { route: "/cables", path: "/cables", access: "viewer" },
  { route: "/switch-ports", path: "/switch-ports", access: "viewer" },
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
  { route: "/work-orders/new", path: "/work-orders/new?hosts=app-01", access: "editor" },
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
  { route: "/api/v1/places", method: "GET", path: "/api/v1/places?q=a01", access: "viewer", expect: [200] },
  { route: "/api/v1/devices/[hostname]", method: "GET", path: "/api/v1/devices/redis-01", access: "viewer", expect: [200] },
  // a dry run of a file with a header and no rows: allowed callers get a report, nothing is written
  { route: "/api/v1/import/[kind]", method: "POST", path: "/api/v1/import/services?dry_run=1", access: "editor", contentType: "text/csv", body: "service,hostname\n", expect: [200] },
  { route: "/api/v1/export/[kind]", method: "GET", path: "/api/v1/export/models", access: "viewer", expect: [200] },
  { route: "/api/v1/tables/[name]/export", method: "GET", path: "/api/v1/tables/devices/export?f.cabinet=A01", access: "viewer", expect: [200] },
  { route: "/api/v1/work-orders", method: "POST", path: "/api/v1/work-orders", access: "editor", contentType: "application/json", body: JSON.stringify({ title: "access matrix", items: [{ hostname: "app-01", action: "inspect" }] }), expect: [201] },
  // an unknown work order: allowed callers get past authorization, and no link is made
  { route: "/api/v1/work-orders/[id]/share-links", method: "POST", path: "/api/v1/work-orders/999999/share-links", access: "editor", contentType: "application/json", body: "{}", expect: [404] },
  // a share link's page (plain HTML from a route handler) needs no session; a token nobody issued is a 404
  { route: "/share/[token]", method: "GET", path: "/share/not-a-real-token", access: "public", expect: [404] },
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
  // no title: refused after authorization, nothing created
  { file: "app/(ops)/work-orders/new/actions.ts", name: "createWorkOrderAction", access: "editor", page: "/work-orders/new", state: { error: null }, form: { title: "", hostname: "app-01", action: "inspect" } },
  // an unknown work order and an unknown link: allowed callers get past authorization, nothing is written
  { file: "app/(ops)/work-orders/[id]/actions.ts", name: "createShareLinkAction", access: "editor", page: "/work-orders/1", state: { error: null }, form: { workOrderId: "999999", expiresInHours: "24" } },
  { file: "app/(ops)/work-orders/[id]/actions.ts", name: "revokeShareLinkAction", access: "editor", page: "/work-orders/1", form: { id: "999999" } },
  // edit forms: an empty form is refused before anything is looked up; an unknown id changes nothing
  { file: "app/(ops)/devices/_edit/actions.ts", name: "saveDeviceAction", access: "editor", page: "/devices/new", state: { errors: {} }, form: {} },
  { file: "app/(ops)/devices/_edit/actions.ts", name: "deleteDeviceAction", access: "editor", page: "/devices/redis-01/edit", state: { error: null }, form: { id: "999999", version: "1" } },
  // called with a form instead of a cabinet id: allowed callers get past authorization and read nothing
  { file: "app/(ops)/devices/_edit/actions.ts", name: "loadCabinetUnits", access: "editor", page: "/devices/new", form: { cabinetId: "1" } },
  { file: "app/(ops)/cabinets/[id]/edit/actions.ts", name: "updateCabinetAction", access: "editor", page: "/cabinets/1/edit", state: { errors: {} }, form: {} },
  { file: "app/(ops)/cabinets/[id]/edit/actions.ts", name: "deleteCabinetAction", access: "editor", page: "/cabinets/1/edit", state: { error: null }, form: { id: "999999", version: "1" } },
  { file: "app/(ops)/rooms/[id]/edit/actions.ts", name: "updateRoomAction", access: "editor", page: "/rooms/1/edit", state: { errors: {} }, form: {} },
  { file: "app/(ops)/rooms/[id]/edit/actions.ts", name: "deleteRoomAction", access: "editor", page: "/rooms/1/edit", state: { error: null }, form: { id: "999999", version: "1" } },
  { file: "app/(ops)/sites/[id]/edit/actions.ts", name: "updateSiteAction", access: "editor", page: "/sites/1/edit", state: { errors: {} }, form: {} },
  { file: "app/(ops)/sites/[id]/edit/actions.ts", name: "deleteSiteAction", access: "editor", page: "/sites/1/edit", state: { error: null }, form: { id: "999999", version: "1" } },
  { file: "app/(ops)/models/[id]/edit/actions.ts", name: "updateModelAction", access: "editor", page: "/models/1/edit", state: { errors: {} }, form: {} },
  { file: "app/(ops)/models/[id]/edit/actions.ts", name: "deleteModelAction", access: "editor", page: "/models/1/edit", state: { error: null }, form: { id: "999999", version: "1" } },
  { file: "app/(ops)/services/[name]/edit/actions.ts", name: "updateServiceAction", access: "editor", page: "/services/basecamp-db/edit", state: { errors: {} }, form: {} },
  { file: "app/(ops)/services/[name]/edit/actions.ts", name: "deleteServiceAction", access: "editor", page: "/services/basecamp-db/edit", state: { error: null }, form: { id: "999999", version: "1" } },
  { file: "app/(ops)/devices/[hostname]/nics/_edit/actions.ts", name: "saveNicAction", access: "editor", page: "/devices/redis-01/nics/new", state: { errors: {} }, form: {} },
  // an empty form: refused by the form's schema before anything is created
  { file: "app/(ops)/sites/new/actions.ts", name: "createSiteAction", access: "editor", page: "/sites/new", state: { errors: {} }, form: {} },
  { file: "app/(ops)/rooms/new/actions.ts", name: "createRoomAction", access: "editor", page: "/rooms/new?site=1", state: { errors: {} }, form: {} },
  { file: "app/(ops)/cabinets/new/actions.ts", name: "createCabinetAction", access: "editor", page: "/cabinets/new?room=1", state: { errors: {} }, form: {} },
  { file: "app/(ops)/models/new/actions.ts", name: "createModelAction", access: "editor", page: "/models/new", state: { errors: {} }, form: {} },
  { file: "app/(ops)/services/new/actions.ts", name: "createServiceAction", access: "editor", page: "/services/new", state: { errors: {} }, form: {} },
  { file: "app/(ops)/devices/[hostname]/nics/_cable/actions.ts", name: "connectNicAction", access: "editor", page: "/devices/redis-01/nics/239/connect", state: { errors: {} }, form: {} },
  // no such cable: refused as gone, nothing is disconnected
  { file: "app/(ops)/devices/[hostname]/nics/_cable/actions.ts", name: "disconnectNicAction", access: "editor", page: "/devices/redis-01", state: { error: null }, form: { id: "999999", cable_id: "999999" } },
  { file: "app/(ops)/devices/[hostname]/nics/_edit/actions.ts", name: "deleteNicAction", access: "editor", page: "/devices/redis-01/nics/239/edit", state: { error: null }, form: { id: "999999", version: "1" } },
  // not a list of hostnames: allowed callers get past authorization, and nothing changes
  { file: "app/(ops)/devices/bulk-actions.ts", name: "setDevicesStatusAction", access: "editor", page: "/devices", form: { hostnames: "app-01", status: "failed" } },
  { file: "app/(ops)/devices/bulk-actions.ts", name: "setDevicesRoleAction", access: "editor", page: "/devices", form: { hostnames: "app-01", role: "x" } },
  { file: "app/(ops)/devices/bulk-actions.ts", name: "deleteDevicesAction", access: "editor", page: "/devices", form: { hostnames: "app-01" } },
  // last: it ends the session the other entries are asked with
  { file: "app/(auth)/login/actions.ts", name: "signOut", access: "public", page: "/login" },
];
