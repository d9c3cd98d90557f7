// The shapes an import hands around: problems found, rows planned, and the report a person (or a
// script) reads. Pure types, safe in the browser.
import type { ImportKind } from "./kinds";

// row: the spreadsheet row number (the header is row 1); null for the file as a whole.
// column: the header name the problem is in, as the file spells it after normalising; null when
// it is about the whole row or file.
export type ImportIssue = { row: number | null; column: string | null; message: string };

export type AlsoCreatedType = "site" | "room" | "power_source" | "switch_port" | "service";
// parents created on the side, keyed the way DESIGN.md names them (ORD1/Room A, tor-a01-a Te1/0/9)
export type AlsoCreated = { type: AlsoCreatedType; key: string };

export type RowOutcome = "create" | "update" | "unchanged";

export type PreviewRow = { row: number; cells: string[]; outcome: RowOutcome | null };

export type ImportReport = {
  ok: boolean;
  kind: ImportKind;
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  alsoCreated: AlsoCreated[];
  errors: ImportIssue[];
  // data rows read from the file
  rows: number;
  // groups the audit entries of an applied import (/audit?batchId=...); null for a dry run or a failure
  batchId: string | null;
  seconds: number;
  // for the browser: the file's columns and the first rows (plus every row with an error)
  preview?: { columns: string[]; rows: PreviewRow[]; truncated: boolean };
};
