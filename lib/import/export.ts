import "server-only";
// CSV export: the kind's columns (the same import reads) and its rows in key order, written by
// csv-stringify (RFC 4180 quoting, CRLF) with the CSV-injection guard on every cell.
import { stringify } from "csv-stringify/sync";
import { listExportRows } from "../db/export-csv";
import { guardCell } from "./guard";
import { KIND_FORMATS, type ImportKind } from "./kinds";

export async function exportCsv(kind: ImportKind, options: { connectionString?: string } = {}): Promise<string> {
  const rows = await listExportRows(kind, options);
  return stringify([[...KIND_FORMATS[kind].columns], ...rows.map((cells) => cells.map(guardCell))], { record_delimiter: "windows" });
}

export function exportFileName(kind: ImportKind): string {
  return `${kind}.csv`;
}
