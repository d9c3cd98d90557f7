import { NextResponse, type NextRequest } from "next/server";
import { gateShareToken } from "@/lib/db/share-links";
import { shareStatusPage } from "@/lib/share/status-page";
import { clientAddress } from "@/lib/share/client-address";

// a share link's own page; the item form posts below it answer their statuses themselves
const SHARE_PAGE = /^\/share\/([^/]+)\/?$/;

// A strict Content-Security-Policy with a fresh nonce per request: Next.js puts the nonce on its
// own scripts, so no inline script runs without it. Styles keep 'unsafe-inline' because React
// style attributes and SVG drawings use them; scripts never do. This is a header, not a guard:
// every page and route checks permissions itself.
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  // An expired, revoked or rate-limited share link answers 410 or 429 here, with a short page and no
  // data, because a rendered page can only answer 200 or 404. Unknown tokens go on to the page's 404.
  const share = SHARE_PAGE.exec(request.nextUrl.pathname);
  if (share && (request.method === "GET" || request.method === "HEAD")) {
    const gate = await gateShareToken(share[1]!, clientAddress(request.headers));
    if (gate.kind === "expired" || gate.kind === "limited") return shareStatusPage(gate, csp);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // lets a layout send an anonymous visitor to sign-in and back to the page they asked for
  requestHeaders.set("x-rackmap-path", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    // always, prefetch or not: the guessing limit must not be skipped by a header
    "/share/:path*",
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
