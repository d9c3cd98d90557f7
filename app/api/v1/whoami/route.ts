import { connection } from "next/server";
import { authorizeApi } from "@/lib/api/respond";
import { canRead } from "@/lib/auth/permissions";

// Who the API thinks the caller is: lets a script check its token before doing real work.
export async function GET(request: Request) {
  await connection();
  const { viewer, response } = await authorizeApi(request, canRead);
  if (response) return response;
  if (viewer.kind === "user") return Response.json({ kind: "user", email: viewer.email, name: viewer.name, role: viewer.role });
  if (viewer.kind === "api_token") return Response.json({ kind: "api_token", name: viewer.name, role: viewer.role });
  return Response.json({ kind: "anonymous" });
}
