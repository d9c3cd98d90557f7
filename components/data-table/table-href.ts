import type { TableSpec } from "@/lib/domain/tables/types";
import { tableStateToParams, type TableState } from "@/lib/domain/tables/url-state";

// The address of a view of a list page. Anything but a page turn starts again from the first page.
// `fixed`: parameters of the page itself that every view of it keeps (e.g. view=table)
export function tableHref(path: string, spec: TableSpec, state: TableState, change: Partial<TableState> = {}, fixed: Record<string, string> = {}): string {
  const next: TableState = { ...state, after: null, before: null, ...change };
  const params = new URLSearchParams(fixed);
  for (const [key, value] of tableStateToParams(spec, next)) params.set(key, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

// "export this view": every row of the current filters and sort, the columns as shown
export function exportHref(spec: TableSpec, state: TableState, cols: string[]): string {
  const params = tableStateToParams(spec, { ...state, cols, after: null, before: null });
  params.delete("size");
  return `/api/v1/tables/${spec.name}/export?${params.toString()}`;
}
