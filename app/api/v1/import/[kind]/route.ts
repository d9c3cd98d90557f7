import { connection } from "next/server";
import { apiError, authorizeApi } from "@/lib/api/respond";
import { canImport } from "@/lib/auth/permissions";
import { actorFromViewer } from "@/lib/db/audit";
import { importMaxBytes, tooLargeIssue } from "@/lib/import/csv-read";
import { IMPORT_KINDS, isImportKind, type ImportKind } from "@/lib/import/kinds";
import { importCsv } from "@/lib/import/run";
import type { ImportIssue, ImportReport } from "@/lib/import/types";

// POST /api/v1/import/{kind}?dry_run=1 with the CSV as the body (text/csv; a multipart upload's
// `file` field works too) -> the import report. Not ok -> 422 and nothing written.
export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  await connection();
  const { viewer, response } = await authorizeApi(request, canImport);
  if (response) return response;
  const { kind } = await params;
  if (!isImportKind(kind)) {
    return apiError(404, "unknown_kind", `There is no CSV import of "${kind}": the kinds are ${IMPORT_KINDS.join(", ")}.`);
  }
  const search = new URL(request.url).searchParams;
  const dryRun = isSet(search.get("dry_run"));
  const maxBytes = importMaxBytes();

  const body = await readBody(request, maxBytes);
  if (body.tooLarge) return tooLarge(kind, dryRun, body.size, maxBytes);
  if (body.error) return apiError(400, "bad_request", body.error);

  const report = await importCsv({
    kind,
    content: body.bytes,
    dryRun,
    actor: actorFromViewer(viewer),
    maxBytes,
    preview: isSet(search.get("preview")),
  });
  if (report.ok) return Response.json(report, { headers: { "Cache-Control": "no-store" } });
  return Response.json(
    {
      ...report,
      error: { code: "invalid_csv", message: `${report.errors.length} problem${report.errors.length === 1 ? "" : "s"} in the file; nothing was written.` },
    },
    { status: 422, headers: { "Cache-Control": "no-store" } },
  );
}

function isSet(value: string | null): boolean {
  return value !== null && !["0", "false", "no", ""].includes(value.toLowerCase());
}

type Body = { bytes: Uint8Array; tooLarge?: false; size: number; error?: string } | { tooLarge: true; size: number | null; error?: undefined };

// The body, read up to the limit: a file over it is refused without being read to the end.
async function readBody(request: Request, maxBytes: number): Promise<Body> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { tooLarge: true, size: declared };
  if ((request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) return { bytes: new Uint8Array(), size: 0, error: "Send the CSV as the request body (Content-Type: text/csv), or as the `file` field of a multipart form." };
    if (file.size > maxBytes) return { tooLarge: true, size: file.size };
    return { bytes: new Uint8Array(await file.arrayBuffer()), size: file.size };
  }
  if (!request.body) return { bytes: new Uint8Array(), size: 0 };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return { tooLarge: true, size: null };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, size };
}

function tooLarge(kind: ImportKind, dryRun: boolean, size: number | null, maxBytes: number): Response {
  const issue: ImportIssue = tooLargeIssue(size, maxBytes);
  const report: ImportReport = { ok: false, kind, dryRun, created: 0, updated: 0, unchanged: 0, alsoCreated: [], errors: [issue], rows: 0, batchId: null, seconds: 0 };
  return Response.json({ ...report, error: { code: "too_large", message: issue.message } }, { status: 413, headers: { "Cache-Control": "no-store" } });
}
