"use client";

import type { ReactNode } from "react";

// A submit button that asks before a destructive action. Without JavaScript the form still submits:
// server actions need JavaScript anyway, and the action itself re-checks everything.
export function ConfirmButton({ children, question, className }: { children: ReactNode; question: string; className?: string }) {
  return (
    <button
      type="submit"
      onClick={(event) => {
        if (!window.confirm(question)) event.preventDefault();
      }}
      className={
        className ??
        "rounded-md border border-danger/40 px-2 py-0.5 text-xs font-medium text-danger outline-none hover:bg-danger-soft focus-visible:ring-2 focus-visible:ring-danger/40"
      }
    >
      {children}
    </button>
  );
}
