import { connection } from "next/server";
import { apiError, authorizeApi } from "@/lib/api/respond";
import { canRead } from "@/lib/auth/permissions";
import { tableCsvStream } from "@/lib/db/table-export";
import { TABLE_SPECS } from "@/lib/domain/tables/registry";
import { isTableName, TABLE_NAMES } from "@/lib/domain/tables/types";
import { parseTableState } from "@/lib/domain/tables/url-state";

// GET /api/v1/tables/{name}/export?<the list page's own URL parameters>: that view as CSV, every
// row of it (not one page), with the columns and order the view shows.
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  await connection();
  const { response } = await authorizeApi(request, canRead);
  if (response) return response;
  const { name } = await params;
  if (!isTableName(name)) {
    return apiError(404, "unknown_table", `There is no table "${name}": the tables are ${TABLE_NAMES.join(", ")}.`);
  }
  const spec = TABLE_SPECS[name];
  const state = parseTableState(spec, new URL(request.url).searchParams);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(tableCsvStream(spec, state), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="rackmap-${name}-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
