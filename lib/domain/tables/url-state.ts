import { columnOf, type ColumnSpec, type SortDir, type TableSpec } from "./types";

// A table's whole view lives in its URL, so a view can be shared by copying the address:
//   sort=<column>&dir=asc|desc   f.<column>=<filter>   q=<quick filter>
//   cols=<visible columns in order, comma-separated>   size=<page size>
//   after=<cursor> (the next page) or before=<cursor> (the previous one); neither: the first page
// Unknown columns and malformed values are dropped, never passed on to SQL.

export const PAGE_SIZES = [25, 50, 100, 200, 500] as const;
export const DEFAULT_PAGE_SIZE = 100;
const MAX_FILTER_LENGTH = 200;

// keyset pagination: the sort value (as text, null for an empty cell) and id of a page's edge row
export type Cursor = { value: string | null; id: number };

export type TableState = {
  sort: string;
  dir: SortDir;
  filters: Record<string, string>;
  q: string;
  // null: the URL does not say (the client may use what it remembered)
  cols: string[] | null;
  size: number;
  after: Cursor | null;
  before: Cursor | null;
};

export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function getter(params: SearchParamsLike): (key: string) => string | undefined {
  if (params instanceof URLSearchParams) return (key) => params.get(key) ?? undefined;
  return (key) => {
    const v = params[key];
    return Array.isArray(v) ? v[0] : v;
  };
}

function keys(params: SearchParamsLike): string[] {
  return params instanceof URLSearchParams ? [...params.keys()] : Object.keys(params);
}

// base64url by hand: this module runs in the browser too, where there is no Buffer
function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeCursor(cursor: Cursor): string {
  return toBase64Url(JSON.stringify([cursor.value, cursor.id]));
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw || raw.length > 2000) return null;
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(raw));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [value, id] = parsed as unknown[];
    if (!(value === null || typeof value === "string") || !Number.isSafeInteger(id)) return null;
    return { value, id: id as number };
  } catch {
    return null;
  }
}

export function parseTableState(spec: TableSpec, params: SearchParamsLike): TableState {
  const get = getter(params);
  const sortParam = get("sort");
  const sort = sortParam && columnOf(spec, sortParam) ? sortParam : spec.defaultSort.column;
  const dirParam = get("dir");
  const dir: SortDir = dirParam === "asc" || dirParam === "desc" ? dirParam : sort === spec.defaultSort.column ? spec.defaultSort.dir : "asc";

  const filters: Record<string, string> = {};
  for (const key of keys(params)) {
    if (!key.startsWith("f.")) continue;
    const column = columnOf(spec, key.slice(2));
    const value = get(key)?.trim().slice(0, MAX_FILTER_LENGTH);
    if (column && value && parseFilter(column, value)) filters[column.id] = value;
  }

  const colsParam = get("cols");
  let cols: string[] | null = null;
  if (colsParam !== undefined) {
    cols = [...new Set(colsParam.split(",").filter((id) => columnOf(spec, id)))];
    if (cols.length === 0) cols = null;
  }

  const sizeParam = Number(get("size"));
  const size = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : DEFAULT_PAGE_SIZE;
  const after = decodeCursor(get("after"));
  const before = after ? null : decodeCursor(get("before"));
  return { sort, dir, filters, q: (get("q") ?? "").trim().slice(0, MAX_FILTER_LENGTH), cols, size, after, before };
}

// The URL of a state: defaults are left out, so a plain list page keeps a plain address.
export function tableStateToParams(spec: TableSpec, state: TableState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.sort !== spec.defaultSort.column || state.dir !== spec.defaultSort.dir) {
    params.set("sort", state.sort);
    params.set("dir", state.dir);
  }
  for (const column of spec.columns) {
    const value = state.filters[column.id];
    if (value) params.set(`f.${column.id}`, value);
  }
  if (state.q) params.set("q", state.q);
  if (state.cols) params.set("cols", state.cols.join(","));
  if (state.size !== DEFAULT_PAGE_SIZE) params.set("size", String(state.size));
  if (state.after) params.set("after", encodeCursor(state.after));
  else if (state.before) params.set("before", encodeCursor(state.before));
  return params;
}

export function defaultColumns(spec: TableSpec): string[] {
  return spec.columns.filter((c) => c.defaultVisible).map((c) => c.id);
}

// ---------------------------------------------------------------- filters

export const EMPTY_FILTER = "(empty)";

export type Filter =
  | { kind: "empty" }
  | { kind: "contains"; value: string }
  | { kind: "equals"; value: string }
  | { kind: "compare"; op: "=" | "<" | ">" | "<=" | ">="; value: number }
  | { kind: "range"; min: number; max: number }
  | { kind: "in"; values: string[] }
  | { kind: "ipPrefix"; value: string }
  | { kind: "ipWithin"; network: string };

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const COMPARE = new RegExp(`^(<=|>=|<|>|=)?\\s*(${NUMBER})$`);
const RANGE = new RegExp(`^(${NUMBER})\\s*\\.\\.\\s*(${NUMBER})$`);
const IPV4_NETWORK = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;
const IPV6_NETWORK = /^[0-9a-f:]+\/\d{1,3}$/i;
const IP_PREFIX = /^[0-9a-f.:]+$/i;

// A column's filter text as a filter, or null when it cannot be one (that text is then ignored).
export function parseFilter(column: ColumnSpec, raw: string): Filter | null {
  const text = raw.trim();
  if (!text) return null;
  if (text === EMPTY_FILTER) return { kind: "empty" };
  switch (column.type) {
    case "text":
      return text.startsWith("=") && text.length > 1 ? { kind: "equals", value: text.slice(1) } : { kind: "contains", value: text };
    case "number": {
      const range = RANGE.exec(text);
      if (range) {
        const [min, max] = [Number(range[1]), Number(range[2])];
        return min <= max ? { kind: "range", min, max } : null;
      }
      const compare = COMPARE.exec(text);
      if (!compare) return null;
      return { kind: "compare", op: (compare[1] ?? "=") as "=" | "<" | ">" | "<=" | ">=", value: Number(compare[2]) };
    }
    case "enum": {
      const allowed = column.options ?? [];
      const values = [...new Set(text.split(",").map((v) => v.trim()))].filter((v) => allowed.includes(v));
      return values.length > 0 ? { kind: "in", values } : null;
    }
    case "ip":
      if (IPV4_NETWORK.test(text) || IPV6_NETWORK.test(text)) return isNetwork(text) ? { kind: "ipWithin", network: text.toLowerCase() } : null;
      return IP_PREFIX.test(text) ? { kind: "ipPrefix", value: text.toLowerCase() } : null;
  }
}

// the database would refuse 10.1.0.0/40 or 999.1.0.0/8 with an error: refuse them here instead
function isNetwork(text: string): boolean {
  const [address = "", bits = ""] = text.split("/");
  if (address.includes(":")) {
    const halves = address.split("::");
    const groups = halves.flatMap((h) => (h ? h.split(":") : []));
    const fits = halves.length === 1 ? groups.length === 8 : halves.length === 2 && groups.length <= 7;
    return Number(bits) <= 128 && fits && groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g));
  }
  return Number(bits) <= 32 && address.split(".").every((octet) => Number(octet) <= 255);
}
