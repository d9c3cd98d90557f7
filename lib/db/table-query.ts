import "server-only";
// One SQL builder for every list page: filters, quick filter, sort and keyset pagination, all in SQL.
// A page costs two statements whatever its size (the rows, and a count capped at COUNT_CAP), and never
// an OFFSET scan or an unbounded COUNT(*). Column ids come from the table's spec and are looked up in
// its source; every value from the URL is a bound parameter.
import { columnOf, type ColumnSpec, type SortDir, type TableSpec } from "../domain/tables/types";
import { parseFilter, type Cursor, type Filter, type TableState } from "../domain/tables/url-state";
import { db } from "./client";
import { Prisma } from "./generated/client";
import { TABLE_SOURCES, type TableSource } from "./table-sources";

const sql = Prisma.sql;

// counted exactly up to here; beyond it the page says "10,000+"
export const COUNT_CAP = 10_000;

export type TableRow = { id: number; cells: Record<string, string | null> };

export type TablePage = {
  rows: TableRow[];
  // exact when below COUNT_CAP; otherwise COUNT_CAP and `totalCapped`
  total: number;
  totalCapped: boolean;
  // cursors of the neighbouring pages, null at either end
  next: Cursor | null;
  prev: Cursor | null;
};

function sourceOf(spec: TableSpec): TableSource {
  return TABLE_SOURCES[spec.name];
}

function expressionOf(source: TableSource, column: ColumnSpec): Prisma.Sql {
  const expr = source.columns[column.id];
  if (!expr) throw new Error(`table ${JSON.stringify(column.id)} has no SQL for column ${column.id}`);
  return expr;
}

function searchExpressionOf(source: TableSource, column: ColumnSpec): Prisma.Sql {
  return source.search?.[column.id] ?? sql`(${expressionOf(source, column)})::text`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// a parameter compared with the column's values, in the column's own type
function typed(column: ColumnSpec, value: string): Prisma.Sql {
  switch (column.type) {
    case "number":
      return sql`${value}::numeric`;
    case "ip":
      return sql`${value}::inet`;
    default:
      return sql`${value}::text`;
  }
}

function filterCondition(source: TableSource, column: ColumnSpec, filter: Filter): Prisma.Sql {
  const expr = expressionOf(source, column);
  switch (filter.kind) {
    case "empty":
      return sql`NULLIF((${expr})::text, '') IS NULL`;
    case "contains":
      return sql`${searchExpressionOf(source, column)} ILIKE ${`%${escapeLike(filter.value)}%`}`;
    case "equals":
      return sql`lower(${expr}) = lower(${filter.value})`;
    case "compare":
      return sql`${expr} ${Prisma.raw(filter.op)} ${filter.value}::numeric`;
    case "range":
      return sql`${expr} BETWEEN ${filter.min}::numeric AND ${filter.max}::numeric`;
    case "in":
      return sql`(${expr})::text IN (${Prisma.join(filter.values)})`;
    case "ipPrefix":
      return sql`host(${expr}) LIKE ${`${escapeLike(filter.value)}%`}`;
    case "ipWithin":
      return sql`${expr} <<= ${filter.network}::inet`;
  }
}

function whereConditions(spec: TableSpec, source: TableSource, state: Pick<TableState, "filters" | "q">): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  for (const [id, raw] of Object.entries(state.filters)) {
    const column = columnOf(spec, id);
    const filter = column ? parseFilter(column, raw) : null;
    if (column && filter) conditions.push(filterCondition(source, column, filter));
  }
  const quick = spec.columns.filter((c) => c.quick);
  if (state.q && quick.length > 0) {
    const pattern = `%${escapeLike(state.q)}%`;
    conditions.push(sql`(${Prisma.join(quick.map((c) => sql`${searchExpressionOf(source, c)} ILIKE ${pattern}`), " OR ")})`);
  }
  return conditions;
}

function whereClause(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length > 0 ? sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

// Rows after `cursor` in (sort value, id) order. Ascending puts empty values last, descending first,
// so either order is the exact reverse of the other and a page can be read backwards too.
function seekCondition(column: ColumnSpec, expr: Prisma.Sql, id: Prisma.Sql, dir: SortDir, cursor: Cursor): Prisma.Sql {
  if (dir === "asc") {
    if (cursor.value === null) return sql`(${expr} IS NULL AND ${id} > ${cursor.id})`;
    const v = typed(column, cursor.value);
    return sql`(${expr} > ${v} OR (${expr} = ${v} AND ${id} > ${cursor.id}) OR ${expr} IS NULL)`;
  }
  if (cursor.value === null) return sql`(${expr} IS NOT NULL OR ${id} < ${cursor.id})`;
  const v = typed(column, cursor.value);
  return sql`(${expr} < ${v} OR (${expr} = ${v} AND ${id} < ${cursor.id}))`;
}

function orderBy(expr: Prisma.Sql, id: Prisma.Sql, dir: SortDir): Prisma.Sql {
  return dir === "asc" ? sql`ORDER BY ${expr} ASC NULLS LAST, ${id} ASC` : sql`ORDER BY ${expr} DESC NULLS FIRST, ${id} DESC`;
}

function selectList(spec: TableSpec, source: TableSource, sortExpr: Prisma.Sql): Prisma.Sql {
  const cells = spec.columns.map((c) => {
    const expr = expressionOf(source, c);
    // an address is shown without its /32
    const shown = c.type === "ip" ? sql`host(${expr})` : sql`(${expr})::text`;
    return sql`${shown} AS ${Prisma.raw(`"${c.id}"`)}`;
  });
  const links = Object.entries(source.linkFields ?? {}).map(([name, expr]) => sql`(${expr})::text AS ${Prisma.raw(`"${name}"`)}`);
  return Prisma.join([sql`${source.id} AS "__id"`, sql`(${sortExpr})::text AS "__sort"`, ...cells, ...links], ", ");
}

// LIMIT as a literal, not a parameter: the statements are prepared (lib/db/prepared.ts), and with
// LIMIT $1 Postgres judged a generic plan worse and planned the statement again on every page load
// (~7 ms of the devices page at 100k). The page sizes are a handful of fixed numbers.
function literalLimit(n: number): Prisma.Sql {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`not a row limit: ${n}`);
  return Prisma.raw(String(n));
}

type RawRow = Record<string, string | number | null> & { __id: number; __sort: string | null };

// One batch of rows in the state's order, starting after (or, reading backwards, before) a cursor.
async function queryRows(spec: TableSpec, state: TableState, limit: number): Promise<{ rows: RawRow[]; more: boolean }> {
  const source = sourceOf(spec);
  const column = columnOf(spec, state.sort) ?? columnOf(spec, spec.defaultSort.column)!;
  const sortExpr = expressionOf(source, column);
  const backwards = state.before !== null && state.after === null;
  const dir: SortDir = backwards ? (state.dir === "asc" ? "desc" : "asc") : state.dir;
  const cursor = state.after ?? state.before;
  const conditions = whereConditions(spec, source, state);
  if (cursor) conditions.push(seekCondition(column, sortExpr, source.id, dir, cursor));
  const rows = await db().$queryRaw<RawRow[]>(sql`
    SELECT ${selectList(spec, source, sortExpr)}
    FROM ${source.from}
    ${whereClause(conditions)}
    ${orderBy(sortExpr, source.id, dir)}
    LIMIT ${literalLimit(limit + 1)}`);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  return { rows: backwards ? page.reverse() : page, more };
}

async function countRows(spec: TableSpec, state: TableState): Promise<number> {
  const source = sourceOf(spec);
  const [row] = await db().$queryRaw<{ n: number }[]>(sql`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM ${source.from} ${whereClause(whereConditions(spec, source, state))} LIMIT ${literalLimit(COUNT_CAP + 1)}) capped`);
  return row?.n ?? 0;
}

function toTableRow(spec: TableSpec, source: TableSource, raw: RawRow): TableRow {
  const cells: Record<string, string | null> = {};
  for (const c of spec.columns) cells[c.id] = raw[c.id] === null ? null : String(raw[c.id]);
  for (const name of Object.keys(source.linkFields ?? {})) cells[name] = raw[name] === null ? null : String(raw[name]);
  return { id: Number(raw.__id), cells };
}

const cursorOf = (raw: RawRow): Cursor => ({ value: raw.__sort, id: Number(raw.__id) });

export async function queryTablePage(spec: TableSpec, state: TableState): Promise<TablePage> {
  const [{ rows, more }, count] = await Promise.all([queryRows(spec, state, state.size), countRows(spec, state)]);
  const source = sourceOf(spec);
  const first = rows[0];
  const last = rows.at(-1);
  const backwards = state.before !== null && state.after === null;
  // reading forwards, a page after a cursor has one before it; reading backwards, the rows past `before` exist
  const hasPrev = backwards ? more : state.after !== null;
  const hasNext = backwards ? true : more;
  return {
    rows: rows.map((r) => toTableRow(spec, source, r)),
    total: Math.min(count, COUNT_CAP),
    totalCapped: count > COUNT_CAP,
    next: hasNext && last ? cursorOf(last) : null,
    prev: hasPrev && first ? cursorOf(first) : null,
  };
}

// Every row of the view (all pages, not just one), in batches, for "export this view".
export async function* allTableRows(spec: TableSpec, state: TableState, batchSize = 2000): AsyncGenerator<TableRow[]> {
  const source = sourceOf(spec);
  let after: Cursor | null = null;
  for (;;) {
    const { rows, more } = await queryRows(spec, { ...state, after, before: null }, batchSize);
    if (rows.length > 0) yield rows.map((r) => toTableRow(spec, source, r));
    if (!more) return;
    after = cursorOf(rows.at(-1)!);
  }
}
