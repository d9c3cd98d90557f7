// The demo admin of the embedded demo datacenter (`npm start` without DATABASE_URL): printed on the
// console and on the sign-in page so a newcomer gets in at once. Never created in a database that
// DATABASE_URL points at.
export const DEMO_ADMIN = { email: "admin@rackmap.demo", name: "Demo admin", password: "rackmap-demo-admin" } as const;
