// What a list page shows, as plain data: the server builds its SQL from it, the client its TanStack
// columns, the CSV export its header. Every column can be sorted and filtered on the server
// (tests/tables-complete.integration.test.ts holds every table to that).

// text: contains (or `=exact`); number: `12`, `>=12`, `10..20`; enum: one or more of `options`;
// ip: an address prefix (`10.1.`) or a network (`10.1.0.0/16`)
export type ColumnType = "text" | "number" | "enum" | "ip";

export type ColumnSpec = {
  id: string;
  label: string;
  type: ColumnType;
  // enum columns: the values a filter may pick
  options?: readonly string[];
  defaultVisible: boolean;
  // the cell links to `${prefix}${row[field]}` (field: a column id or one of the table's `linkFields`)
  link?: { prefix: string; field: string };
  // the quick filter `q` searches these columns
  quick?: boolean;
  mono?: boolean;
};

export type SortDir = "asc" | "desc";

export type TableSpec = {
  name: TableName;
  // what one row is, for counts and empty states ("device", "cabinet")
  noun: string;
  columns: readonly ColumnSpec[];
  defaultSort: { column: string; dir: SortDir };
  // values a link needs that are not columns of their own (a cabinet's id)
  linkFields?: readonly string[];
};

export const TABLE_NAMES = ["devices", "cabinets", "nics", "cables", "switch-ports", "models", "sites", "rooms", "services"] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export function isTableName(value: string): value is TableName {
  return (TABLE_NAMES as readonly string[]).includes(value);
}

export function columnOf(spec: TableSpec, id: string): ColumnSpec | undefined {
  return spec.columns.find((c) => c.id === id);
}
