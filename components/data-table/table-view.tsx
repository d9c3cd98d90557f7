"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { startTransition, useMemo, useOptimistic, useState, useSyncExternalStore, type MouseEvent, type ReactNode } from "react";
import {
  columnOrderingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import { formatNumber } from "@/components/ui/format";
import type { ColumnSpec, TableSpec } from "@/lib/domain/tables/types";
import { defaultColumns, EMPTY_FILTER, PAGE_SIZES, type Cursor, type TableState } from "@/lib/domain/tables/url-state";
import { ColumnMenu, toolButton } from "./column-menu";
import { exportHref, tableHref } from "./table-href";

// One list page's table: the server did the sorting, filtering and paging (the URL says how); this
// shows the page and turns every change of view into a new URL. Column choice and order are in the URL
// too, and remembered per table in this browser for when the URL does not say.

export type Row = { id: number; cells: Record<string, string | null> };

export type TablePageData = {
  rows: Row[];
  total: number;
  totalCapped: boolean;
  next: Cursor | null;
  prev: Cursor | null;
};

export type CellRenderers = Partial<Record<string, (value: string, row: Row) => ReactNode>>;

const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature, columnOrderingFeature });
const helper = createColumnHelper<typeof features, Row>();

const NO_RENDERERS: CellRenderers = {};

const storageKey = (name: string) => `rackmap.table.${name}.cols`;

function subscribeStorage(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

function useRememberedColumns(spec: TableSpec): string[] | null {
  const raw = useSyncExternalStore(
    subscribeStorage,
    () => window.localStorage.getItem(storageKey(spec.name)),
    () => null,
  );
  return useMemo(() => {
    const ids = raw?.split(",").filter((id) => spec.columns.some((c) => c.id === id)) ?? [];
    return ids.length > 0 ? ids : null;
  }, [raw, spec]);
}

export function TableView({
  spec,
  state,
  page,
  label,
  empty,
  cells = NO_RENDERERS,
  bulkActions,
  fixedParams,
}: {
  spec: TableSpec;
  state: TableState;
  page: TablePageData;
  label: string;
  // shown when the table has no rows at all (not when filters leave none)
  empty: ReactNode;
  cells?: CellRenderers;
  // row selection, with what to do with the selected rows
  bulkActions?: (selected: Row[], clear: () => void) => ReactNode;
  // parameters of the page itself that every view keeps
  fixedParams?: Record<string, string>;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const href = (change: Partial<TableState> = {}) => tableHref(pathname, spec, state, change, fixedParams);
  const remembered = useRememberedColumns(spec);
  // shown at once when picked, while the URL that says so loads
  const [shown, setShown] = useOptimistic(state.cols ?? remembered ?? defaultColumns(spec));
  const filtered = Object.keys(state.filters).length > 0 || state.q !== "";
  const filterFormId = `filters-${spec.name}`;
  const go = (change: Partial<TableState>) => router.push(href(change));

  const setColumns = (cols: string[] | null) => {
    if (cols) window.localStorage.setItem(storageKey(spec.name), cols.join(","));
    else window.localStorage.removeItem(storageKey(spec.name));
    // a storage event reaches other tabs only; this one re-reads by navigating
    startTransition(() => {
      setShown(cols ?? defaultColumns(spec));
      router.replace(href({ cols, after: state.after, before: state.before }), { scroll: false });
    });
  };

  const selectable = bulkActions !== undefined;
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const isSelected = (row: Row) => rowSelection[String(row.id)] === true;
  const allSelected = page.rows.length > 0 && page.rows.every(isSelected);
  const someSelected = !allSelected && page.rows.some(isSelected);
  const toggleAll = () => setRowSelection(allSelected ? {} : Object.fromEntries(page.rows.map((r) => [String(r.id), true])));
  const toggleRow = (id: string) =>
    setRowSelection((current) => {
      const next = { ...current };
      if (next[id]) delete next[id];
      else next[id] = true;
      return next;
    });

  // TanStack keeps the column model (order, visibility, sorting); the rows are drawn straight from
  // the page below: its row and cell model cost ~13 % of the devices page's server time for nothing
  // the server had not already done.
  const columns = useMemo(
    () =>
      helper.columns([
        ...(selectable ? [helper.display({ id: "select", header: "" })] : []),
        ...spec.columns.map((column) =>
          helper.accessor((row) => row.cells[column.id], { id: column.id, header: column.label, enableSorting: true, sortDescFirst: false }),
        ),
      ]),
    [spec, selectable],
  );

  const sorting: SortingState = [{ id: state.sort, desc: state.dir === "desc" }];
  const columnVisibility = Object.fromEntries(spec.columns.map((c) => [c.id, shown.includes(c.id)]));
  const columnOrder = ["select", ...shown, ...spec.columns.map((c) => c.id).filter((id) => !shown.includes(id))];
  const table = useTable({
    features,
    columns,
    data: page.rows,
    getRowId: (row) => String(row.id),
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, columnVisibility, columnOrder },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const [first] = next;
      if (first) go({ sort: first.id, dir: first.desc ? "desc" : "asc" });
    },
  });

  const selected = page.rows.filter(isSelected);
  const visibleColumns = shown.map((id) => spec.columns.find((c) => c.id === id)!);
  const countText = `${formatNumber(page.total)}${page.totalCapped ? "+" : ""} ${page.total === 1 && !page.totalCapped ? spec.noun : `${spec.noun}s`}`;

  const applyFilters = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const filters: Record<string, string> = { ...state.filters };
    for (const column of visibleColumns) {
      const value = String(data.get(`f.${column.id}`) ?? "").trim();
      if (value) filters[column.id] = value;
      else delete filters[column.id];
    }
    go({ filters, q: String(data.get("q") ?? "").trim() });
  };

  if (page.rows.length === 0 && !filtered && !state.after && !state.before) return <>{empty}</>;

  return (
    <div className="space-y-2">
      <form
        id={filterFormId}
        role="search"
        aria-label={`Filter ${label.toLowerCase()}`}
        onSubmit={(e) => {
          e.preventDefault();
          applyFilters(e.currentTarget);
        }}
        className="flex flex-wrap items-center gap-2"
      >
        <label className="flex items-center gap-2 text-sm">
          <span className="sr-only">Quick filter</span>
          <input
            name="q"
            type="search"
            defaultValue={state.q}
            key={`q-${state.q}`}
            placeholder={`Filter ${label.toLowerCase()}…`}
            className={`${input} w-64`}
          />
        </label>
        <button type="submit" className={toolButton}>
          Apply filters
        </button>
        {filtered ? (
          <Link href={href({ filters: {}, q: "" })} className={toolButton}>
            Clear filters
          </Link>
        ) : null}
        <span className="ml-auto text-sm text-muted" role="status">
          {countText}
          {filtered ? " match" : ""}
        </span>
        <ColumnMenu columns={spec.columns} shown={shown} onChange={setColumns} onReset={() => setColumns(null)} />
        <a href={exportHref(spec, state, shown)} className={toolButton} download>
          Export this view (CSV)
        </a>
      </form>

      {bulkActions && selected.length > 0 ? (
        <div role="region" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 rounded-md border border-accent/40 bg-accent-soft/40 px-3 py-2 text-sm">
          <span className="font-medium">{selected.length} selected</span>
          {bulkActions(selected, () => setRowSelection({}))}
        </div>
      ) : null}

      <div className="overflow-x-auto rounded-md border border-line bg-surface">
        <table aria-label={label} className="w-full border-collapse text-left text-[13px] tabular-nums">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = spec.columns.find((c) => c.id === header.column.id);
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      data-column={header.column.id}
                      aria-sort={column ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}
                      className={`sticky top-0 z-10 border-b border-line bg-surface-2 px-3 py-1.5 text-xs font-medium whitespace-nowrap text-muted ${column?.type === "number" ? "text-right" : ""}`}
                    >
                      {column ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 rounded outline-none hover:text-fg focus-visible:ring-2 focus-visible:ring-accent/50"
                        >
                          {column.label}
                          <span aria-hidden="true" className={sorted ? "text-fg" : "opacity-30"}>
                            {sorted === "desc" ? "▼" : "▲"}
                          </span>
                          <span className="sr-only">{sorted ? `, sorted ${sorted === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
                        </button>
                      ) : (
                        <input
                          type="checkbox"
                          aria-label="Select all rows on this page"
                          checked={allSelected}
                          ref={(el) => {
                            if (el) el.indeterminate = someSelected;
                          }}
                          onChange={toggleAll}
                          className={checkbox}
                        />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
            <tr>
              {table.getVisibleLeafColumns().map((col) => {
                const column = spec.columns.find((c) => c.id === col.id);
                return (
                  <td key={col.id} className="border-b border-line bg-surface-2/60 px-2 py-1">
                    {column ? <FilterInput column={column} value={state.filters[column.id] ?? ""} form={filterFormId} /> : null}
                  </td>
                );
              })}
            </tr>
          </thead>
          {/* links are plain anchors, followed in the app by one handler here instead of a next/link per cell */}
          <tbody className="data-rows" onClick={(e) => followLink(e, router)}>
            {page.rows.map((row) => {
              const id = String(row.id);
              const rowSelected = isSelected(row);
              return (
                <tr key={id} aria-selected={selectable ? rowSelected : undefined}>
                  {selectable ? (
                    <td data-column="select">
                      <input
                        type="checkbox"
                        aria-label={`Select ${row.cells[spec.columns[0]?.id ?? ""] ?? id}`}
                        checked={rowSelected}
                        onChange={() => toggleRow(id)}
                        className={checkbox}
                      />
                    </td>
                  ) : null}
                  {visibleColumns.map((column) => (
                    <td key={column.id} data-column={column.id} className={column.type === "number" ? "text-right whitespace-nowrap" : undefined}>
                      {cellContent(column, row, cells[column.id])}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {page.rows.length === 0 ? (
          <p className="px-3 py-6 text-center text-sm text-muted">
            No {spec.noun}s match these filters.{" "}
            <Link href={href({ filters: {}, q: "" })} className="text-accent hover:underline">
              Clear filters
            </Link>
          </p>
        ) : null}
      </div>

      <nav aria-label={`${label} pages`} className="flex flex-wrap items-center justify-end gap-2 text-sm">
        <label className="mr-auto flex items-center gap-2 text-muted">
          Rows per page
          <select
            value={state.size}
            onChange={(e) => go({ size: Number(e.target.value) })}
            className={input}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <PageLink href={state.after || state.before ? href() : null}>First page</PageLink>
        <PageLink href={page.prev ? href({ before: page.prev }) : null}>← Previous</PageLink>
        <PageLink href={page.next ? href({ after: page.next }) : null}>Next →</PageLink>
      </nav>
    </div>
  );
}

// A plain function, not a component: 1,500 cells a page, and each component boundary costs render time.
function cellContent(column: ColumnSpec, row: Row, render?: (value: string, row: Row) => ReactNode): ReactNode {
  const value = row.cells[column.id];
  if (value === null || value === undefined || value === "") return <span className="text-muted">—</span>;
  const content = render ? render(value, row) : value;
  const target = column.link ? row.cells[column.link.field] : null;
  const className = column.mono ? "cell-mono" : undefined;
  if (column.link && target) {
    return (
      <a href={`${column.link.prefix}${encodeURIComponent(target)}`} className={`${className ?? ""} text-accent hover:underline`}>
        {content}
      </a>
    );
  }
  return className ? <span className={className}>{content}</span> : content;
}

// What next/link does on a click, for every link in the table body at once: an ordinary left click
// navigates inside the app; a modified or middle click, or a link with a target, is the browser's.
function followLink(event: MouseEvent<HTMLElement>, router: { push: (href: string) => void }) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element).closest("a");
  const href = link?.getAttribute("href");
  // only the app's own paths: not another origin's, nor a protocol-relative //host
  if (!link || !href || link.target || link.hasAttribute("download") || !href.startsWith("/") || href.startsWith("//")) return;
  event.preventDefault();
  router.push(href);
}

function FilterInput({ column, value, form }: { column: ColumnSpec; value: string; form: string }) {
  const name = `f.${column.id}`;
  if (column.type === "enum") {
    return (
      <select
        name={name}
        form={form}
        aria-label={`Filter ${column.label}`}
        defaultValue={value}
        key={value}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className={`${input} w-full min-w-20`}
      >
        <option value="">Any</option>
        {column.options?.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
        <option value={EMPTY_FILTER}>{EMPTY_FILTER}</option>
      </select>
    );
  }
  const hint = column.type === "number" ? "e.g. 12, >=10, 10..20" : column.type === "ip" ? "e.g. 10.1. or 10.1.0.0/16" : "contains, or =exact";
  return (
    <input
      name={name}
      form={form}
      type="text"
      aria-label={`Filter ${column.label}`}
      title={hint}
      defaultValue={value}
      key={value}
      className={`${input} w-full min-w-16 ${column.type === "number" ? "text-right" : ""}`}
    />
  );
}

function PageLink({ href, children }: { href: string | null; children: ReactNode }) {
  if (!href) {
    return (
      <span aria-disabled="true" className={`${toolButton} opacity-50`}>
        {children}
      </span>
    );
  }
  return (
    <Link href={href} className={toolButton}>
      {children}
    </Link>
  );
}

const input =
  "rounded border border-line-strong bg-surface px-1.5 py-0.5 text-[13px] font-normal text-fg outline-none focus-visible:ring-2 focus-visible:ring-accent/50";
const checkbox = "h-4 w-4 accent-[var(--accent)] outline-none focus-visible:ring-2 focus-visible:ring-accent/50";
