"use client";

import type { ColumnSpec } from "@/lib/domain/tables/types";

// Which columns show, and in what order: plain checkboxes and buttons, so it works from the keyboard.
export function ColumnMenu({
  columns,
  shown,
  onChange,
  onReset,
}: {
  columns: readonly ColumnSpec[];
  shown: string[];
  onChange: (cols: string[]) => void;
  onReset: () => void;
}) {
  // shown columns in their order, then the hidden ones in the spec's order
  const ordered = [...shown.map((id) => columns.find((c) => c.id === id)!), ...columns.filter((c) => !shown.includes(c.id))];
  const move = (id: string, by: -1 | 1) => {
    const at = shown.indexOf(id);
    const to = at + by;
    if (at < 0 || to < 0 || to >= shown.length) return;
    const next = [...shown];
    next.splice(to, 0, ...next.splice(at, 1));
    onChange(next);
  };
  return (
    <details className="relative">
      <summary className={`${toolButton} cursor-pointer list-none`}>Columns</summary>
      <div className="absolute right-0 z-20 mt-1 w-72 rounded-md border border-line bg-surface p-2 shadow-lg">
        <ul aria-label="Columns" className="max-h-96 space-y-0.5 overflow-auto">
          {ordered.map((column) => {
            const visible = shown.includes(column.id);
            const at = shown.indexOf(column.id);
            return (
              <li key={column.id} className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-surface-2">
                <label className="flex flex-1 items-center gap-2">
                  <input
                    type="checkbox"
                    checked={visible}
                    // the last shown column stays: a table with no columns is no view
                    disabled={visible && shown.length === 1}
                    onChange={(e) => onChange(e.target.checked ? [...shown, column.id] : shown.filter((id) => id !== column.id))}
                    className="h-4 w-4 accent-[var(--accent)]"
                  />
                  {column.label}
                </label>
                {visible ? (
                  <>
                    <button type="button" className={iconButton} aria-label={`Move ${column.label} left`} disabled={at === 0} onClick={() => move(column.id, -1)}>
                      ↑
                    </button>
                    <button type="button" className={iconButton} aria-label={`Move ${column.label} right`} disabled={at === shown.length - 1} onClick={() => move(column.id, 1)}>
                      ↓
                    </button>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
        <button type="button" onClick={onReset} className={`${toolButton} mt-2 w-full`}>
          Default columns
        </button>
      </div>
    </details>
  );
}

export const toolButton =
  "inline-flex items-center gap-1 rounded-md border border-line-strong bg-surface px-2.5 py-1 text-sm whitespace-nowrap outline-none hover:bg-surface-2 focus-visible:ring-2 focus-visible:ring-accent/50 disabled:opacity-50";
const iconButton = "rounded px-1.5 text-muted outline-none hover:bg-surface focus-visible:ring-2 focus-visible:ring-accent/50 disabled:opacity-30";
