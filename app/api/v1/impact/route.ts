import { connection } from "next/server";
import { impactJson } from "@/lib/api/impact-json";
import { apiError, authorizeApi } from "@/lib/api/respond";
import { canRead } from "@/lib/auth/permissions";
import { getFailureIndex } from "@/lib/db/failure-snapshot";
import { computeImpactForRefs } from "@/lib/domain/impact";
import { impactRequestSchema } from "@/lib/schemas/impact";

// POST /api/v1/impact {"failed": ["cabinet:ORD1/C12", "nic_driver:bnx2"]}: who goes down, who is degraded,
// who needs hands, and each service's state. Every unknown or malformed domain is a 400 naming it.
export async function POST(request: Request) {
  await connection();
  const { response } = await authorizeApi(request, canRead);
  if (response) return response;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return apiError(400, "bad_request", 'The body must be JSON: {"failed": ["cabinet:ORD1/C12", ...]}.');
  }
  const parsed = impactRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return apiError(400, "bad_request", `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  const result = computeImpactForRefs(await getFailureIndex(), parsed.data.failed);
  if (!result.ok) {
    return apiError(400, "unknown_domain", result.errors.map((e) => e.message).join("; "), { domains: result.errors });
  }
  return Response.json(impactJson(result.impact));
}
