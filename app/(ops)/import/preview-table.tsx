"use client";

import { useMemo, useState } from "react";
import { createColumnHelper, createPaginatedRowModel, rowPaginationFeature, tableFeatures, useTable } from "@tanstack/react-table";
import type { ImportIssue, ImportReport, RowOutcome } from "@/lib/import/types";

// The file's rows as the import sees them: each row's plan (create, update, unchanged) and every
// cell with a problem highlighted, its message beside the value.

type PreviewRecord = {
  row: number;
  outcome: RowOutcome | null;
  cells: string[];
  // problems by column (null: about the whole row)
  problems: Map<string | null, string[]>;
};

const features = tableFeatures({ rowPaginationFeature, paginatedRowModel: createPaginatedRowModel() });
const helper = createColumnHelper<typeof features, PreviewRecord>();
const PAGE_SIZE = 50;

const OUTCOME_STYLE: Record<RowOutcome | "problem", { label: string; className: string }> = {
  create: { label: "create", className: "bg-ok-soft text-ok ring-ok/30" },
  update: { label: "update", className: "bg-accent-soft text-accent ring-accent/30" },
  unchanged: { label: "unchanged", className: "bg-surface-2 text-muted ring-line" },
  problem: { label: "problem", className: "bg-danger-soft text-danger ring-danger/30" },
};

export function PreviewTable({ preview, errors }: { preview: NonNullable<ImportReport["preview"]>; errors: ImportIssue[] }) {
  const [onlyProblems, setOnlyProblems] = useState(false);

  const records = useMemo<PreviewRecord[]>(() => {
    const byRow = new Map<number, Map<string | null, string[]>>();
    for (const e of errors) {
      if (e.row === null || e.row < 2) continue;
      const problems = byRow.get(e.row) ?? new Map<string | null, string[]>();
      problems.set(e.column, [...(problems.get(e.column) ?? []), e.message]);
      byRow.set(e.row, problems);
    }
    return preview.rows.map((r) => ({ row: r.row, outcome: r.outcome, cells: r.cells, problems: byRow.get(r.row) ?? new Map() }));
  }, [preview, errors]);
  const problemRows = useMemo(() => records.filter((r) => r.problems.size > 0), [records]);
  const data = onlyProblems ? problemRows : records;

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("row", {
          header: "Row",
          cell: (info) => <span className="text-muted tabular-nums">{info.getValue()}</span>,
        }),
        helper.display({
          id: "plan",
          header: "Plan",
          cell: ({ row }) => {
            const r = row.original;
            const style = OUTCOME_STYLE[r.problems.size > 0 ? "problem" : (r.outcome ?? "unchanged")];
            const rowProblems = r.problems.get(null) ?? [];
            return (
              <div className="space-y-1">
                <span className={`inline-flex rounded px-1.5 py-px text-xs font-medium whitespace-nowrap ring-1 ring-inset ${style.className}`}>
                  {style.label}
                </span>
                {rowProblems.map((m) => (
                  <p key={m} className="max-w-64 text-xs text-danger">
                    {m}
                  </p>
                ))}
              </div>
            );
          },
        }),
        ...preview.columns.map((name, index) =>
          helper.accessor((r) => r.cells[index] ?? "", {
            id: `column-${index}`,
            header: name,
            cell: (info) => <PreviewCell column={name} value={info.getValue()} problems={info.row.original.problems.get(name)} />,
          }),
        ),
      ]),
    [preview.columns],
  );

  const table = useTable({ features, columns, data, initialState: { pagination: { pageIndex: 0, pageSize: PAGE_SIZE } } });
  const { pageIndex } = table.state.pagination;
  const first = data.length === 0 ? 0 : pageIndex * PAGE_SIZE + 1;
  const last = Math.min(data.length, (pageIndex + 1) * PAGE_SIZE);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            checked={onlyProblems}
            onChange={(e) => {
              setOnlyProblems(e.target.checked);
              table.setPageIndex(0);
            }}
            disabled={problemRows.length === 0}
            className="h-4 w-4 accent-[var(--accent)]"
          />
          Only rows with problems ({problemRows.length})
        </label>
        <span className="text-muted">
          {data.length === 0 ? "No rows" : `Rows ${first}–${last} of ${data.length}`}
          {preview.truncated ? " shown (the first rows of the file and every row with a problem)" : ""}
        </span>
      </div>
      <div className="max-h-[32rem] overflow-auto rounded-md border border-line bg-surface">
        <table aria-label="Preview of the file" className="w-full border-collapse text-left text-[13px]">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    scope="col"
                    className="sticky top-0 z-10 border-b border-line bg-surface-2 px-2.5 py-2 font-mono text-xs font-medium whitespace-nowrap text-muted"
                  >
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                data-row={row.original.row}
                className={`border-t border-line first:border-t-0 ${row.original.problems.size > 0 ? "bg-danger-soft/30" : "even:bg-surface-2/40"}`}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-2.5 py-1.5 align-top">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.getPageCount() > 1 ? (
        <div className="flex items-center justify-end gap-2 text-sm">
          <PageButton onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            ← Previous
          </PageButton>
          <span className="text-muted tabular-nums">
            Page {pageIndex + 1} of {table.getPageCount()}
          </span>
          <PageButton onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            Next →
          </PageButton>
        </div>
      ) : null}
    </div>
  );
}

function PreviewCell({ column, value, problems }: { column: string; value: string; problems: string[] | undefined }) {
  if (!problems?.length) {
    return <span className="block max-w-72 truncate whitespace-nowrap" title={value.length > 40 ? value : undefined}>{value}</span>;
  }
  return (
    <div
      aria-invalid="true"
      aria-label={`${column}: ${value || "(empty)"} — ${problems.join(" ")}`}
      className="-mx-1.5 -my-0.5 max-w-80 rounded bg-danger-soft px-1.5 py-0.5 ring-1 ring-danger/50 ring-inset"
    >
      <span className="block font-medium text-danger">{value || <em className="font-normal">empty</em>}</span>
      {problems.map((m) => (
        <span key={m} className="mt-0.5 block text-xs text-danger">
          {m}
        </span>
      ))}
    </div>
  );
}

function PageButton({ children, onClick, disabled }: { children: React.ReactNode; onClick: () => void; disabled: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      className="rounded-md border border-line-strong bg-surface px-2.5 py-1 outline-none hover:bg-surface-2 focus-visible:ring-2 focus-visible:ring-accent/40 disabled:opacity-50"
    >
      {children}
    </button>
  );
}
