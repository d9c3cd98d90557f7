// Every column of every list page sorts and filters on the server, against the demo datacenter in real
// PostgreSQL. A column added to a spec without SQL (or with SQL that does not really order or filter)
// fails here.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../lib/db/client";
import { seedDemo } from "../lib/db/seed";
import { allTableRows, queryTablePage, type TableRow } from "../lib/db/table-query";
import { TABLE_SOURCES } from "../lib/db/table-sources";
import { TABLE_SPECS } from "../lib/domain/tables/registry";
import { TABLE_NAMES, type ColumnSpec, type SortDir, type TableSpec } from "../lib/domain/tables/types";
import { parseTableState, type TableState } from "../lib/domain/tables/url-state";

let pool: pg.Pool;

beforeAll(async () => {
  const url = process.env.DATABASE_URL!;
  pool = new pg.Pool({ connectionString: url });
  await pool.query("TRUNCATE site, model, service, work_order, audit_log RESTART IDENTITY CASCADE");
  expect(await seedDemo(url)).toEqual({ seeded: true });
  // the demo leaves every cabinet's notes empty: give some a note, so that column has values to filter on
  await pool.query("UPDATE cabinet SET notes = 'cold aisle ' || name WHERE name LIKE 'A0%'");
});

afterAll(async () => {
  await pool.end();
});

function state(spec: TableSpec, overrides: Partial<TableState> = {}): TableState {
  return { ...parseTableState(spec, {}), ...overrides };
}

async function everyRow(spec: TableSpec, s: TableState): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const batch of allTableRows(spec, s, 400)) rows.push(...batch);
  return rows;
}

function ipNumber(ip: string): number {
  return ip.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
}

// the order Postgres gives (C collation: code-point order, as JavaScript compares strings)
function inOrder(column: ColumnSpec, a: string, b: string): boolean {
  if (column.type === "number") return Number(a) <= Number(b);
  if (column.type === "ip" && !a.includes(":") && !b.includes(":")) return ipNumber(a) <= ipNumber(b);
  return a <= b;
}

function expectSorted(column: ColumnSpec, rows: TableRow[], dir: SortDir) {
  const values = rows.map((r) => r.cells[column.id]);
  const present = values.filter((v): v is string => v !== null);
  // empty cells last ascending, first descending
  const nullsAt = values.map((v, i) => (v === null ? i : -1)).filter((i) => i >= 0);
  if (dir === "asc") expect(nullsAt).toEqual(nullsAt.map((_, k) => present.length + k));
  else expect(nullsAt).toEqual(nullsAt.map((_, k) => k));
  for (let i = 1; i < present.length; i++) {
    const [a, b] = dir === "asc" ? [present[i - 1]!, present[i]!] : [present[i]!, present[i - 1]!];
    if (!inOrder(column, a, b)) throw new Error(`${column.id} ${dir}: ${JSON.stringify(a)} before ${JSON.stringify(b)} at ${i}`);
  }
}

// a filter text that the given value must satisfy, and the check every filtered row must pass
function filterFor(column: ColumnSpec, value: string): { text: string; matches: (cell: string | null) => boolean } {
  switch (column.type) {
    case "text":
      return { text: `=${value}`, matches: (cell) => cell?.toLowerCase() === value.toLowerCase() };
    case "number":
      return { text: `>=${value}`, matches: (cell) => cell !== null && Number(cell) >= Number(value) };
    case "enum":
      return { text: value, matches: (cell) => cell === value };
    case "ip": {
      const prefix = value.split(".").slice(0, 3).join(".") + ".";
      return { text: prefix, matches: (cell) => cell?.startsWith(prefix) ?? false };
    }
  }
}

describe.each(TABLE_NAMES.map((name) => [name]))("the %s table", (name) => {
  const spec = TABLE_SPECS[name];

  it("has SQL for exactly the columns of its spec, and links only to fields it selects", () => {
    expect(Object.keys(TABLE_SOURCES[name].columns).sort()).toEqual(spec.columns.map((c) => c.id).sort());
    const fields = new Set([...spec.columns.map((c) => c.id), ...Object.keys(TABLE_SOURCES[name].linkFields ?? {})]);
    for (const c of spec.columns) if (c.link) expect(fields, `${c.id} links to ${c.link.field}`).toContain(c.link.field);
    expect(spec.columns.some((c) => c.quick)).toBe(true);
  });

  it.each(spec.columns.map((c) => [c.id, c] as const))("sorts by %s both ways on the server, and pages through it", async (_, column) => {
    const asc = await everyRow(spec, state(spec, { sort: column.id, dir: "asc" }));
    const desc = await everyRow(spec, state(spec, { sort: column.id, dir: "desc" }));
    expect(asc.length).toBeGreaterThan(0);
    expectSorted(column, asc, "asc");
    expectSorted(column, desc, "desc");
    expect(desc.map((r) => r.id)).toEqual(asc.map((r) => r.id).reverse());

    // page by page, forwards and then backwards from the last page, gives the same rows
    const size = 25;
    const forward: number[] = [];
    let page = await queryTablePage(spec, state(spec, { sort: column.id, dir: "asc", size }));
    forward.push(...page.rows.map((r) => r.id));
    for (let n = 0; page.next && n < 3; n++) {
      page = await queryTablePage(spec, state(spec, { sort: column.id, dir: "asc", size, after: page.next }));
      forward.push(...page.rows.map((r) => r.id));
    }
    expect(forward).toEqual(asc.slice(0, forward.length).map((r) => r.id));
    if (page.prev) {
      const back = await queryTablePage(spec, state(spec, { sort: column.id, dir: "asc", size, before: page.prev }));
      expect(back.rows.map((r) => r.id)).toEqual(forward.slice(-page.rows.length - size, -page.rows.length));
    }
  });

  it.each(spec.columns.map((c) => [c.id, c] as const))("filters on %s on the server", async (_, column) => {
    const all = await everyRow(spec, state(spec, { sort: column.id, dir: "asc" }));
    const withValue = all.filter((r) => r.cells[column.id] !== null);
    expect(withValue.length, `the demo has no ${column.id} values to filter on`).toBeGreaterThan(0);
    // a value from the middle, so the filter has rows on both sides to leave out
    const value = withValue[Math.floor(withValue.length / 2)]!.cells[column.id]!;
    const filter = filterFor(column, value);
    const filtered = await everyRow(spec, state(spec, { filters: { [column.id]: filter.text } }));
    expect(filtered.length).toBeGreaterThan(0);
    for (const row of filtered) expect(filter.matches(row.cells[column.id] ?? null), `${column.id}=${row.cells[column.id]}`).toBe(true);
    expect(filtered.length).toBe(all.filter((r) => filter.matches(r.cells[column.id] ?? null)).length);

    const empty = await everyRow(spec, state(spec, { filters: { [column.id]: "(empty)" } }));
    for (const row of empty) expect(row.cells[column.id] ?? "").toBe("");
    expect(empty.length).toBe(all.length - withValue.length);
  });

  it("quick-filters on its quick columns", async () => {
    const first = (await queryTablePage(spec, state(spec, { size: 25 }))).rows[0]!;
    const quick = spec.columns.filter((c) => c.quick);
    const column = quick.find((c) => first.cells[c.id])!;
    const needle = first.cells[column.id]!.slice(0, 4).toUpperCase();
    const rows = await everyRow(spec, state(spec, { q: needle }));
    expect(rows.map((r) => r.id)).toContain(first.id);
    for (const row of rows) expect(quick.some((c) => row.cells[c.id]?.toUpperCase().includes(needle))).toBe(true);
  });
});

describe("a list page", () => {
  it.each(TABLE_NAMES.map((name) => [name]))("of %s costs the same number of SQL statements whatever its size", async (name) => {
    const spec = TABLE_SPECS[name];
    const client = db();
    const spies = [vi.spyOn(client, "$queryRaw"), vi.spyOn(client, "$queryRawUnsafe"), vi.spyOn(client, "$transaction")];
    const statements = () => spies.reduce((n, s) => n + s.mock.calls.length, 0);
    try {
      const counts: number[] = [];
      const sizes: number[] = [];
      for (const size of [25, 500]) {
        const before = statements();
        const page = await queryTablePage(spec, state(spec, { size }));
        sizes.push(page.rows.length);
        counts.push(statements() - before);
      }
      expect(sizes[0]).toBeGreaterThan(0);
      expect(counts[0]).toBeGreaterThan(0);
      expect(counts[1]).toBe(counts[0]);
      if (name === "devices") expect(sizes).toEqual([25, 500]);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });

  it("counts exactly below the cap and says whether there is more", async () => {
    const page = await queryTablePage(TABLE_SPECS.devices, state(TABLE_SPECS.devices, { size: 25 }));
    const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM device");
    expect(page.total).toBe(rows[0]!.n);
    expect(page.totalCapped).toBe(false);
    expect(page.next).not.toBeNull();
    expect(page.prev).toBeNull();
  });
});

describe("export this view", () => {
  it("writes every row of the view (not one page) with the view's columns, formulas guarded", async () => {
    const { tableCsvStream } = await import("../lib/db/table-export");
    const { parse } = await import("csv-parse/sync");
    const spec = TABLE_SPECS.devices;
    const { rows } = await pool.query<{ role: string }>("SELECT role FROM device WHERE hostname = 'app-07'");
    await pool.query("UPDATE device SET role = '=HYPERLINK(1)' WHERE hostname = 'app-07'");
    try {
      const view = state(spec, { filters: { hostname: "app-" }, sort: "u", dir: "desc", size: 25, cols: ["hostname", "role", "u"] });
      const text = await new Response(tableCsvStream(spec, view)).text();
      const records = parse(text) as string[][];
      expect(records[0]).toEqual(["Hostname", "Role", "U"]);
      const expected = await everyRow(spec, view);
      expect(expected.length).toBeGreaterThan(25);
      expect(records.slice(1).map((r) => r[0])).toEqual(expected.map((r) => r.cells.hostname));
      expect(records.find((r) => r[0] === "app-07")?.[1]).toBe("'=HYPERLINK(1)");
    } finally {
      await pool.query("UPDATE device SET role = $1 WHERE hostname = 'app-07'", [rows[0]!.role]);
    }
  });
});
