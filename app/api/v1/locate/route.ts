import { connection } from "next/server";
import { apiError, authorizeApi } from "@/lib/api/respond";
import { canRead } from "@/lib/auth/permissions";
import { DEFAULT_LOCATE_LIMIT, locate, MAX_LOCATE_LIMIT } from "@/lib/db/locate";
import { parseLocateQuery } from "@/lib/domain/locate-query";

// GET /api/v1/locate?q=<anything written on or about a device>[&limit=1..200]
// DESIGN.md's shape, plus matchType, model, role, status, location.cabinetId, nic, peer and truncated.
export async function GET(request: Request) {
  await connection();
  const { response } = await authorizeApi(request, canRead);
  if (response) return response;

  const params = new URL(request.url).searchParams;
  const parsed = parseLocateQuery(params.get("q"));
  if (!parsed.ok) return apiError(400, "bad_request", parsed.error);
  const rawLimit = params.get("limit");
  let limit = DEFAULT_LOCATE_LIMIT;
  if (rawLimit !== null) {
    if (!/^\d{1,3}$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > MAX_LOCATE_LIMIT) {
      return apiError(400, "bad_request", `limit is a whole number from 1 to ${MAX_LOCATE_LIMIT}.`);
    }
    limit = Number(rawLimit);
  }

  const { matches, truncated } = await locate(parsed.query, { limit });
  return Response.json({ matches, truncated }, { headers: { "Cache-Control": "no-store" } });
}
