import { connection } from "next/server";
import { apiError, authorizeApi } from "@/lib/api/respond";
import { canRead } from "@/lib/auth/permissions";
import { findPlaces } from "@/lib/db/places";

// GET /api/v1/places?q=a01: cabinets, rooms, sites and services whose name contains `q`, each with
// the page that shows it (`{"places": [{"kind", "label", "detail", "href"}]}`), for the quick-jump palette.
export async function GET(request: Request) {
  await connection();
  const { response } = await authorizeApi(request, canRead);
  if (response) return response;
  const q = new URL(request.url).searchParams.get("q") ?? "";
  if (q.length > 200) return apiError(400, "bad_request", "q is at most 200 characters.");
  return Response.json({ places: await findPlaces(q) }, { headers: { "Cache-Control": "no-store" } });
}
