import { connection } from "next/server";
import { countShareFailure, markShareItem, shareGuessAllowed } from "@/lib/db/share-links";
import { clientAddress } from "@/lib/share/client-address";

type Params = { token: string; itemId: string };

function text(status: number, body: string, extra: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", ...extra } });
}

// POST /share/{token}/items/{itemId}, form-encoded {status: done | not_possible, note}: the technician
// marks one item of the link's work order, then goes back to the page (303), so no JavaScript is needed.
export async function POST(request: Request, { params }: { params: Promise<Params> }) {
  await connection();
  const { token, itemId } = await params;
  const address = clientAddress(request.headers);
  const limit = await shareGuessAllowed(address);
  if (!limit.allowed) return text(429, "Too many requests. Wait a minute and try again.", { "Retry-After": String(limit.retryAfter) });
  let status = "";
  let note = "";
  try {
    const form = await request.formData();
    status = String(form.get("status") ?? "");
    note = String(form.get("note") ?? "");
  } catch {
    return text(400, "Send a form with status and note.");
  }
  const id = /^\d{1,9}$/.test(itemId) ? Number(itemId) : 0;
  const result = await markShareItem(token, id, status, note);
  // only a wrong or dead token counts towards the guessing limit
  if (result === "unknown" || result === "expired") await countShareFailure(address);
  switch (result) {
    case "unknown":
      return text(404, "Not found.");
    case "expired":
      return text(410, "This link has expired, ask for a new one.");
    case "no_such_item":
      return text(404, "No such item on this work order.");
    case "bad_input":
      return text(400, "Status must be done or not_possible.");
    case "ok":
      return new Response(null, { status: 303, headers: { Location: `/share/${encodeURIComponent(token)}#item-${id}`, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
  }
}
