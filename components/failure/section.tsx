import type { ReactNode } from "react";

// A titled block of the failure-domain pages; the heading names the region for screen readers and tests.
export function FailureSection({
  id,
  title,
  count,
  actions,
  children,
}: {
  id: string;
  title: ReactNode;
  count?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id} className="scroll-mt-4 space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id={`${id}-heading`} className="flex items-baseline gap-2 text-base font-semibold">
          {title}
          {count !== undefined && count !== null ? <span className="text-sm font-normal text-muted tabular-nums">{count}</span> : null}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
