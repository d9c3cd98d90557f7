import { connection } from "next/server";
import { pingDatabase } from "@/lib/db/health";

// For load balancers and the e2e runner: 200 only when the database answers.
export async function GET() {
  await connection();
  try {
    await pingDatabase();
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: { code: "database_unavailable", message: "The database does not answer." } }, { status: 503 });
  }
}
