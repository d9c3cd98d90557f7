import type { ReactNode } from "react";

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-md border border-dashed border-line-strong bg-surface px-6 py-10 text-center">
      <p className="text-base font-medium text-fg">{title}</p>
      {children ? <div className="mx-auto mt-2 max-w-xl text-muted">{children}</div> : null}
    </div>
  );
}
