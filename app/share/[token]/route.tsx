import { connection } from "next/server";
import { ShareSheet } from "@/components/share/share-sheet";
import { listCabinetElevations } from "@/lib/db/cabinets";
import { openShareLink } from "@/lib/db/share-links";
import { renderStaticPage } from "@/lib/share/static-html";
import { shareStatusPage } from "@/lib/share/status-page";

type Params = { token: string };

// GET /share/{token}: the remote-hands technician's page. No session: the token in the path is the only
// credential and opens one work order. A route handler rather than a page so that it is plain HTML with its
// CSS inline (16 KB for ten items instead of 225 KB with the App Router's client runtime); it works
// without JavaScript and prints one sheet per cabinet. proxy.ts has already answered 429 to an address over
// the guessing limit and 410 to an expired link (counting the failure), so this only sees a good or unknown
// token, or a link that expired in between.
export async function GET(_request: Request, { params }: { params: Promise<Params> }) {
  await connection();
  const { token } = await params;
  const shared = await openShareLink(token);
  if (shared === null) return shareStatusPage({ kind: "unknown" }, null);
  if (shared.expired) return shareStatusPage({ kind: "expired" }, null);
  const cabinetIds = [...new Set(shared.items.flatMap((i) => (i.cabinet ? [i.cabinet.id] : [])))];
  const elevations = new Map((await listCabinetElevations({ cabinetIds })).map((e) => [e.id, e]));
  const html = await renderStaticPage({
    title: `Work order #${shared.workOrder.id} · Rackmap`,
    bodyClassName: "min-h-screen bg-canvas font-sans text-fg antialiased",
    body: <ShareSheet shared={shared} token={token} elevations={elevations} />,
  });
  return new Response(html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex" },
  });
}
