// CSV injection: a spreadsheet runs a cell that begins with = + - @ (or a tab or CR before one) as
// a formula. Export prefixes such a cell with ' (which spreadsheets show as text), and import
// removes that prefix again, so export -> import is a no-op.
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function stripGuard(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
