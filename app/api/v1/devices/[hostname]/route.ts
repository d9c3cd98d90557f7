import { connection } from "next/server";
import { deviceJson } from "@/lib/api/device-json";
import { apiError, authorizeApi } from "@/lib/api/respond";
import { canRead } from "@/lib/auth/permissions";
import { getDeviceDetail } from "@/lib/db/devices";

// One device: where it is, what it is, how it is wired and powered, and the services it serves (DESIGN.md).
export async function GET(request: Request, { params }: { params: Promise<{ hostname: string }> }) {
  await connection();
  const { response } = await authorizeApi(request, canRead);
  if (response) return response;
  const { hostname } = await params;
  const device = hostname.length <= 253 ? await getDeviceDetail({ hostname }) : null;
  if (!device) return apiError(404, "not_found", `No device named ${hostname}`);
  return Response.json(deviceJson(device), { headers: { "Cache-Control": "no-store" } });
}
