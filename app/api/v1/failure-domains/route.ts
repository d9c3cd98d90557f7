import { connection } from "next/server";
import { authorizeApi } from "@/lib/api/respond";
import { canRead } from "@/lib/auth/permissions";
import { searchFailureDomains } from "@/lib/db/failure-domains";

// GET /api/v1/failure-domains?q=a01[&limit=20]: failure domains whose `type:key` matches, best first, for
// search-as-you-type (`q` may start with a type: `cabinet:a0`).
export async function GET(request: Request) {
  await connection();
  const { response } = await authorizeApi(request, canRead);
  if (response) return response;
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, 200);
  const limit = Number.parseInt(params.get("limit") ?? "20", 10);
  const domains = await searchFailureDomains({ q, limit: Number.isFinite(limit) ? limit : 20 });
  return Response.json({ domains });
}
