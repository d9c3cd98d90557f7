import { connection } from "next/server";
import { apiError, authorizeApi } from "@/lib/api/respond";
import { canRead } from "@/lib/auth/permissions";
import { exportCsv, exportFileName } from "@/lib/import/export";
import { IMPORT_KINDS, isImportKind } from "@/lib/import/kinds";

// GET /api/v1/export/{kind}: the CSV of that kind (the columns import reads), as an attachment.
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  await connection();
  const { response } = await authorizeApi(request, canRead);
  if (response) return response;
  const { kind } = await params;
  if (!isImportKind(kind)) {
    return apiError(404, "unknown_kind", `There is no CSV export of "${kind}": the kinds are ${IMPORT_KINDS.join(", ")}.`);
  }
  const csv = await exportCsv(kind);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(kind)}"`,
      "Cache-Control": "no-store",
    },
  });
}
