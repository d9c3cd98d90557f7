import { connection } from "next/server";
import { authorizeApi } from "@/lib/api/respond";
import { canRead } from "@/lib/auth/permissions";
import { getFailureIndex } from "@/lib/db/failure-snapshot";
import { currentImpact } from "@/lib/domain/current-state";
import { allServiceSpofs } from "@/lib/domain/spof";

// GET /api/v1/spof: every service, its state now (members recorded failed or offline count as down) and
// its single points of failure as `type:key`, split into physical and fleet-wide, with the members each
// one takes down.
export async function GET(request: Request) {
  await connection();
  const { response } = await authorizeApi(request, canRead);
  if (response) return response;
  const index = await getFailureIndex();
  const now = new Map(currentImpact(index).services.map((s) => [s.name, s]));
  return Response.json({
    services: allServiceSpofs(index).map((service) => {
      const state = now.get(service.name);
      return {
        name: service.name,
        state: state?.state ?? service.state,
        minUp: service.minUp,
        total: service.total,
        up: state?.up ?? service.total,
        spofs: service.spofs.map((s) => s.ref),
        physical: service.physical,
        fleet: service.fleet,
        details: service.spofs.map((s) => ({ ref: s.ref, type: s.type, group: s.group, members: s.members })),
      };
    }),
  });
}
