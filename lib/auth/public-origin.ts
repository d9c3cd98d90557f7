// The origin that links we hand out (share links) and auth callbacks use. Configured, never taken
// from a request's Host header, which a client controls.
export function publicOrigin(): string {
  const configured = process.env.RACKMAP_PUBLIC_ORIGIN ?? process.env.BETTER_AUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  return `http://localhost:${process.env.PORT ?? "3000"}`;
}
