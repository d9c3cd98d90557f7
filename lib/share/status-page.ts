// The small page a share link answers with when it shows nothing: a token nobody issued (404), expired or
// revoked (410), or too many failed lookups from this address (429). Plain HTML with no script, the same
// headers as the page.
export type ShareStatus = { kind: "unknown" } | { kind: "expired" } | { kind: "limited"; retryAfter: number };

const STATUS: Record<ShareStatus["kind"], { status: number; title: string; text: string }> = {
  unknown: { status: 404, title: "Link not found", text: "This link is not valid. Check that it was copied whole, or ask for a new one." },
  expired: { status: 410, title: "Link expired", text: "This link has expired, ask for a new one." },
  limited: { status: 429, title: "Too many requests", text: "Too many wrong or expired links from this address. Wait a minute and try again." },
};

export function shareStatusPage(gate: ShareStatus, csp: string | null): Response {
  const { status, title, text } = STATUS[gate.kind];
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
  };
  if (csp) headers["Content-Security-Policy"] = csp;
  if (gate.kind === "limited") headers["Retry-After"] = String(gate.retryAfter);
  return new Response(body, { status, headers });
}
