// Reading an uploaded CSV file into header and rows, with a person-readable problem for every way
// a file can be unreadable: too large, binary, not UTF-8, another delimiter, a quote left open.
// The parsing itself is csv-parse (RFC 4180: quoted commas, quotes and newlines, CRLF, a BOM).
import { isUtf8 } from "node:buffer";
import { parse, CsvError } from "csv-parse/sync";
import type { ImportIssue } from "./types";
import { stripGuard } from "./guard";

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

// RACKMAP_IMPORT_MAX_BYTES, default 50 MB
export function importMaxBytes(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.RACKMAP_IMPORT_MAX_BYTES);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_BYTES;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

export function tooLargeIssue(size: number | null, maxBytes: number): ImportIssue {
  return {
    row: null,
    column: null,
    message: `The file is too large${size === null ? "" : ` (${formatBytes(size)})`}: imports take at most ${formatBytes(maxBytes)} (RACKMAP_IMPORT_MAX_BYTES). Split it into several files, or raise the limit.`,
  };
}

// One data row: its spreadsheet row number and its cells, unguarded and trimmed.
export type CsvRecord = { row: number; cells: string[] };
export type CsvFile = { header: string[]; records: CsvRecord[] };

const SAVE_AS = 'Save it from your spreadsheet as "CSV UTF-8 (comma delimited)".';

export function readCsvBytes(bytes: Uint8Array, options: { maxBytes?: number } = {}): { file: CsvFile | null; issues: ImportIssue[] } {
  const maxBytes = options.maxBytes ?? importMaxBytes();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length > maxBytes) return failed(tooLargeIssue(buffer.length, maxBytes));

  const binary = binaryIssue(buffer);
  if (binary) return failed(binary);

  if (!isUtf8(buffer)) return failed(encodingIssue(buffer));
  // TextDecoder drops a leading BOM
  const text = new TextDecoder("utf-8").decode(buffer);
  return readCsvText(text);
}

export function readCsvText(text: string): { file: CsvFile | null; issues: ImportIssue[] } {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") {
    return failed({ row: 1, column: null, message: "The file is empty: it needs a header row naming its columns, then one row per object." });
  }
  const delimiter = detectDelimiter(firstLine(body));
  if (delimiter !== ",") {
    return failed({
      row: 1,
      column: null,
      message: `The columns are separated by ${DELIMITER_NAMES[delimiter]}, not commas. ${SAVE_AS}`,
    });
  }

  let records: string[][];
  try {
    records = parse(body, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    if (error instanceof CsvError) return failed(csvErrorIssue(error, body));
    throw error;
  }
  const [header = [], ...rest] = records;
  const file: CsvFile = { header: header.map(cleanCell), records: [] };
  rest.forEach((cells, index) => {
    const cleaned = cells.map(cleanCell);
    // blank lines and rows of empty cells (spreadsheets write ",,,,") are no data
    if (cleaned.every((c) => c === "")) return;
    file.records.push({ row: index + 2, cells: cleaned });
  });
  return { file, issues: [] };
}

function failed(issue: ImportIssue): { file: null; issues: ImportIssue[] } {
  return { file: null, issues: [issue] };
}

function cleanCell(cell: string): string {
  return stripGuard(cell).trim();
}

// ------------------------------------------------------------------------------------ binary

function rowOfOffset(buffer: Buffer, offset: number): number {
  let row = 1;
  for (let i = buffer.indexOf(10); i !== -1 && i < offset; i = buffer.indexOf(10, i + 1)) row++;
  return row;
}

function binaryIssue(buffer: Buffer): ImportIssue | null {
  const starts = (...sig: number[]) => sig.every((b, i) => buffer[i] === b);
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    return { row: 1, column: null, message: `The file is UTF-16 text, not UTF-8. ${SAVE_AS}` };
  }
  const nul = buffer.indexOf(0);
  if (nul === -1) return null;
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return { row: null, column: null, message: `This is a ZIP archive or an Excel workbook (.xlsx), not a CSV file. ${SAVE_AS}` };
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return { row: null, column: null, message: `This is an old Excel workbook (.xls), not a CSV file. ${SAVE_AS}` };
  }
  return {
    row: rowOfOffset(buffer, nul),
    column: null,
    message: `The file is binary, not CSV text: it holds a NUL byte (on row ${rowOfOffset(buffer, nul)}). ${SAVE_AS}`,
  };
}

// ------------------------------------------------------------------------------------ encoding

// Where the first byte is that does not belong to a well-formed UTF-8 sequence (only called once
// isUtf8 has said there is one).
export function firstInvalidUtf8Byte(buffer: Uint8Array): number {
  let i = 0;
  while (i < buffer.length) {
    const b = buffer[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let code = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = buffer[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function encodingIssue(buffer: Buffer): ImportIssue {
  const offset = firstInvalidUtf8Byte(buffer);
  const byte = `0x${buffer[offset]!.toString(16).toUpperCase().padStart(2, "0")}`;
  let row = rowOfOffset(buffer, offset);
  let column: string | null = null;
  // csv-parse reports how many bytes each record took, which places the byte in a record (a
  // spreadsheet row) even when quoted cells span lines
  try {
    const records = parse(buffer, { relax_column_count: true, relax_quotes: true, info: true, bom: true }) as unknown as {
      record: string[];
      info: { bytes: number };
    }[];
    const index = records.findIndex((r) => r.info.bytes > offset);
    if (index >= 0) {
      row = index + 1;
      const cell = records[index]!.record.findIndex((c) => c.includes("\uFFFD"));
      const name = index > 0 && cell >= 0 ? records[0]!.record[cell] : undefined;
      if (name) column = name.trim();
    }
  } catch {
    // the newline count above stands
  }
  return {
    row,
    column,
    message: `The file is not UTF-8 text: byte ${byte} on row ${row} is not valid UTF-8 (the file was probably saved as Latin-1 or Windows-1252). ${SAVE_AS}`,
  };
}

// ------------------------------------------------------------------------------------ delimiter

const DELIMITER_NAMES: Record<string, string> = { ",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars (|)" };

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

// The separator used most in the header line, outside quotes; a comma when there is none (a
// one-column file).
export function detectDelimiter(line: string): string {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0, "|": 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  let best = ",";
  for (const [delimiter, count] of Object.entries(counts)) if (count > counts[best]!) best = delimiter;
  return best;
}

// ------------------------------------------------------------------------------------ parse errors

function csvErrorIssue(error: CsvError, text: string): ImportIssue {
  const e = error as CsvError & { records?: number; lines?: number; column?: number | string };
  // `records` counts the records completed before the one that failed; the header is row 1
  const row = (e.records ?? 0) + 1;
  const header = headerCells(text);
  const column = typeof e.column === "number" && row > 1 ? (header[e.column] ?? null) : null;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return {
        row,
        column,
        message: `A quoted cell opens on row ${row} and is never closed: the rest of the file would be one cell. Add the missing closing quote (").`,
      };
    case "CSV_INVALID_CLOSING_QUOTE":
      return {
        row,
        column,
        message: `A quoted cell on row ${row} has text after its closing quote. Quote the whole cell, and double any quote inside it ("").`,
      };
    default:
      return { row, column, message: `Row ${row} cannot be read as CSV: ${error.message}` };
  }
}

function headerCells(text: string): string[] {
  try {
    const [header = []] = parse(firstLine(text), { relax_quotes: true, relax_column_count: true }) as string[][];
    return header.map((h) => h.trim());
  } catch {
    return [];
  }
}
