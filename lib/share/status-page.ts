// The small page a share link answers with when it shows nothing: expired or revoked (410), or too
// many failed lookups from this address (429). Plain HTML with no script, the same headers as the page.
export function shareStatusPage(gate: { kind: "expired" } | { kind: "limited"; retryAfter: number }, csp: string): Response {
  const expired = gate.kind === "expired";
  const title = expired ? "Link expired" : "Too many requests";
  const text = expired ? "This link has expired, ask for a new one." : "Too many wrong or expired links from this address. Wait a minute and try again.";
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#111}h1{font-size:1.25rem}</style>
</head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>
`;
  const headers: Record<string, string> = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": csp,
  };
  if (gate.kind === "limited") headers["Retry-After"] = String(gate.retryAfter);
  return new Response(body, { status: expired ? 410 : 429, headers });
}
