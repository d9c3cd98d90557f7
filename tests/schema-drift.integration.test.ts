// schema.prisma and the hand-written SQL migrations describe one database. This test migrates a
// fresh database and compares it with Prisma's own reading of schema.prisma (its DMMF), so the two
// can never drift apart silently.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Field = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
};
type Model = { name: string; dbName: string | null; fields: Field[] };
type Index = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[]; dbName?: string | null };
type Enum = { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] };

const schema = readFileSync(path.join(__dirname, "..", "prisma", "schema.prisma"), "utf8");
const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schema }))) as {
  datamodel: { models: Model[]; enums: Enum[]; indexes: Index[] };
};
const { models, enums, indexes } = dmmf.datamodel;
const enumDbName = new Map(enums.map((e) => [e.name, e.dbName ?? e.name]));

function expectedType(field: Field): string {
  if (field.kind === "enum") return enumDbName.get(field.type)!;
  const native = field.nativeType?.[0];
  if (native === "Inet") return "inet";
  switch (field.type) {
    case "String":
      return "text";
    case "Int":
      return "int4";
    case "BigInt":
      return "int8";
    case "Boolean":
      return "bool";
    case "DateTime":
      return "timestamptz";
    case "Json":
      return "jsonb";
    default:
      throw new Error(`no mapping for ${field.type}`);
  }
}

let client: pg.Client;
type Column = { table_name: string; column_name: string; udt_name: string; is_nullable: "YES" | "NO" };
let columns: Column[];
let uniqueIndexes: { table: string; columns: string[] }[];

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  columns = (await client.query<Column>(
    `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
  )).rows;
  // plain-column unique indexes (expression and partial indexes are extra rules, not Prisma's)
  uniqueIndexes = (await client.query<{ table: string; columns: string[] }>(
    `SELECT t.relname::text AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
      GROUP BY i.indexrelid, t.relname`,
  )).rows;
});
afterAll(async () => {
  await client.end();
});

const columnOf = (model: Model, fieldName: string) => {
  const field = model.fields.find((f) => f.name === fieldName)!;
  return field.dbName ?? field.name;
};

describe("the migrated database matches schema.prisma", () => {
  for (const model of models) {
    const table = model.dbName ?? model.name;
    it(`${model.name} -> table ${table}: same columns, types and nullability`, () => {
      const actual = columns.filter((c) => c.table_name === table);
      expect(actual.length, `table ${table} is missing`).toBeGreaterThan(0);
      const expected = model.fields
        .filter((f) => f.kind === "scalar" || f.kind === "enum")
        .map((f) => ({ column: f.dbName ?? f.name, type: expectedType(f), nullable: !f.isRequired }))
        .sort((a, b) => a.column.localeCompare(b.column));
      const got = actual
        .map((c) => ({ column: c.column_name, type: c.udt_name, nullable: c.is_nullable === "YES" }))
        .sort((a, b) => a.column.localeCompare(b.column));
      expect(got).toEqual(expected);
    });

    const uniques = indexes.filter((i) => i.model === model.name && (i.type === "unique" || i.type === "id"));
    for (const index of uniques) {
      const cols = index.fields.map((f) => columnOf(model, f.name));
      it(`${table} has a unique index on (${cols.join(", ")})`, () => {
        const found = uniqueIndexes.some((u) => u.table === table && u.columns.join(",") === cols.join(","));
        expect(found).toBe(true);
      });
    }
  }

  it("has every enum with the same values in the same order", async () => {
    const { rows } = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.name, r.values]));
    const expected = Object.fromEntries(enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
    expect(actual).toEqual(expected);
  });

  it("has no table that schema.prisma does not know", () => {
    const known = new Set(models.map((m) => m.dbName ?? m.name).concat("_prisma_migrations"));
    const tables = new Set(columns.map((c) => c.table_name));
    expect([...tables].filter((t) => !known.has(t))).toEqual([]);
  });
});
