// From CSV header and records to typed rows: the header checked against the kind's columns (row
// 1), every row through its zod schema (lib/schemas/csv-*.ts), and a key repeated within the file
// reported on each later row.
import type { z } from "zod";
import { csvCableRowSchema, type CsvCableRow } from "../schemas/csv-cables";
import { csvCabinetRowSchema, type CsvCabinetRow } from "../schemas/csv-cabinets";
import { csvDeviceRowSchema, type CsvDeviceRow } from "../schemas/csv-devices";
import { csvModelRowSchema, type CsvModelRow } from "../schemas/csv-models";
import { csvNicRowSchema, type CsvNicRow } from "../schemas/csv-nics";
import { csvServiceRowSchema, type CsvServiceRow } from "../schemas/csv-services";
import type { CsvFile } from "./csv-read";
import { KIND_FORMATS, normaliseHeaderName, type ImportKind } from "./kinds";
import type { ImportIssue } from "./types";

export type RowTypes = {
  models: CsvModelRow;
  cabinets: CsvCabinetRow;
  devices: CsvDeviceRow;
  nics: CsvNicRow;
  cables: CsvCableRow;
  services: CsvServiceRow;
};

// A row that passed its schema: its spreadsheet row number and typed values.
export type ValidRow<T> = { row: number; data: T };

const SCHEMAS: { [K in ImportKind]: z.ZodType<RowTypes[K], Record<string, string | undefined>> } = {
  models: csvModelRowSchema as never,
  cabinets: csvCabinetRowSchema as never,
  devices: csvDeviceRowSchema as never,
  nics: csvNicRowSchema as never,
  cables: csvCableRowSchema as never,
  services: csvServiceRowSchema as never,
};

// The natural key of a row, as compared within a file (hostnames without regard to case, like
// the database), the column a repeat is reported in, and how a person names it.
type Key = { key: string; column: string; label: string };
const KEYS: { [K in ImportKind]: (row: RowTypes[K]) => Key } = {
  models: (r) => ({ key: r.model, column: "model", label: `model ${r.model}` }),
  cabinets: (r) => ({ key: `${r.site}\u0000${r.cabinet}`, column: "cabinet", label: `cabinet ${r.site}/${r.cabinet}` }),
  devices: (r) => ({ key: r.hostname.toLowerCase(), column: "hostname", label: `hostname ${r.hostname}` }),
  nics: (r) => ({ key: `${r.hostname.toLowerCase()}\u0000${r.name}`, column: "name", label: `Nic ${r.hostname} ${r.name}` }),
  cables: (r) =>
    r.label !== undefined
      ? { key: `label\u0000${r.label}`, column: "label", label: `label ${r.label}` }
      : { key: `end\u0000${r.a_host!.toLowerCase()}\u0000${r.a_port}`, column: "a_port", label: `a-end ${r.a_host} ${r.a_port} (a cable without a label)` },
  services: (r) => ({ key: `${r.service}\u0000${r.hostname.toLowerCase()}`, column: "hostname", label: `${r.hostname} in service ${r.service}` }),
};

// columns: the kind's column each header cell is (null: unknown or unnamed). missingKey: a column
// the rows cannot be matched without is absent, so the rows are not read at all.
export type HeaderCheck = { columns: (string | null)[]; issues: ImportIssue[]; missingKey: boolean };

// Maps each header cell to a column of the kind; every problem is on row 1 with the column named.
export function checkHeader(kind: ImportKind, header: readonly string[], records: CsvFile["records"] = []): HeaderCheck {
  const format = KIND_FORMATS[kind];
  const issues: ImportIssue[] = [];
  const columns: (string | null)[] = [];
  const seen = new Map<string, number>();
  header.forEach((raw, index) => {
    const name = normaliseHeaderName(raw);
    if (name === "") {
      // an unnamed column is harmless while it stays empty (spreadsheets add trailing commas)
      if (records.some((r) => (r.cells[index] ?? "") !== "")) {
        issues.push({ row: 1, column: null, message: `Column ${index + 1} has data but no name in the header row.` });
      }
      columns.push(null);
      return;
    }
    if (!format.columns.includes(name)) {
      issues.push({
        row: 1,
        column: raw.trim(),
        message: `Unknown column "${raw.trim()}": a ${kind} file has the columns ${format.columns.join(", ")}.${suggest(name, format.columns)}`,
      });
      columns.push(null);
      return;
    }
    if (seen.has(name)) {
      issues.push({ row: 1, column: raw.trim(), message: `Column ${name} appears twice in the header (columns ${seen.get(name)! + 1} and ${index + 1}).` });
      columns.push(null);
      return;
    }
    seen.set(name, index);
    columns.push(name);
  });
  let missingKey = false;
  for (const anyOf of format.required) {
    if (!anyOf.some((c) => seen.has(c))) {
      missingKey = true;
      issues.push({
        row: 1,
        column: anyOf[0]!,
        message:
          anyOf.length === 1
            ? `A ${kind} file needs a ${anyOf[0]} column.`
            : `A ${kind} file needs a ${anyOf.join(" or a ")} column.`,
      });
    }
  }
  return { columns, issues, missingKey };
}

function suggest(name: string, columns: readonly string[]): string {
  const close = columns.find((c) => distance(c, name) <= (c.length >= 5 ? 2 : 1));
  return close ? ` Did you mean ${close}?` : "";
}

// Levenshtein distance, small strings only (header names)
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

export type Validated<K extends ImportKind> = {
  // rows that passed their schema and are not a repeated key
  rows: ValidRow<RowTypes[K]>[];
  issues: ImportIssue[];
  // every data row of the file, valid or not
  dataRows: number;
  // the cells of rows that failed their schema: a reference to one of them is not reported again
  failed: Record<string, string | undefined>[];
};

export function validateRows<K extends ImportKind>(kind: K, file: CsvFile, columns: readonly (string | null)[]): Validated<K> {
  const schema = SCHEMAS[kind];
  const keyOf = KEYS[kind] as (row: RowTypes[K]) => Key;
  const rows: ValidRow<RowTypes[K]>[] = [];
  const issues: ImportIssue[] = [];
  const failed: Record<string, string | undefined>[] = [];
  const firstRow = new Map<string, number>();
  const named = columns.filter((c): c is string => c !== null).length;
  for (const record of file.records) {
    const extra = record.cells.slice(columns.length).filter((c) => c !== "").length;
    if (extra > 0) {
      issues.push({
        row: record.row,
        column: null,
        message: `This row has ${columns.length + extra} cells, but the header names ${named} column${named === 1 ? "" : "s"}: a comma inside a value needs quotes.`,
      });
      continue;
    }
    const input: Record<string, string | undefined> = {};
    columns.forEach((column, index) => {
      if (column !== null) input[column] = record.cells[index] ?? "";
    });
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      failed.push(input);
      for (const issue of parsed.error.issues) {
        const column = typeof issue.path[0] === "string" ? issue.path[0] : null;
        issues.push({ row: record.row, column, message: issue.message });
      }
      continue;
    }
    const key = keyOf(parsed.data);
    const first = firstRow.get(key.key);
    if (first !== undefined) {
      issues.push({ row: record.row, column: key.column, message: `The ${key.label} is already on row ${first}: each ${KIND_FORMATS[kind].noun} is one row.` });
      continue;
    }
    firstRow.set(key.key, record.row);
    rows.push({ row: record.row, data: parsed.data });
  }
  return { rows, issues, dataRows: file.records.length, failed };
}

export function sortIssues(issues: ImportIssue[], columnOrder: readonly string[] = []): ImportIssue[] {
  const rank = (c: string | null) => (c === null ? -1 : columnOrder.indexOf(c));
  return [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || rank(a.column) - rank(b.column));
}
