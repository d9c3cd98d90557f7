import type { ReactNode } from "react";

// Styles its descendants, so pages write plain <thead>/<tbody>/<tr>/<th>/<td> and stay readable.
const tableClass = [
  "w-full border-collapse text-left text-[13px] tabular-nums",
  "[&_thead_th]:sticky [&_thead_th]:top-0 [&_thead_th]:border-b [&_thead_th]:border-line [&_thead_th]:bg-surface-2",
  "[&_thead_th]:px-3 [&_thead_th]:py-2 [&_thead_th]:text-xs [&_thead_th]:font-medium [&_thead_th]:whitespace-nowrap [&_thead_th]:text-muted",
  "[&_td]:px-3 [&_td]:py-1.5 [&_td]:align-top",
  "[&_tbody_tr]:border-t [&_tbody_tr]:border-line [&_tbody_tr:first-child]:border-t-0",
  "[&_tbody_tr:nth-child(even)]:bg-surface-2/40 [&_tbody_tr:hover]:bg-accent-soft/50",
].join(" ");

export function DataTable({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <div className="overflow-x-auto rounded-md border border-line bg-surface">
      <table className={tableClass} aria-label={label}>
        {children}
      </table>
    </div>
  );
}

export const numericCell = "text-right whitespace-nowrap";
