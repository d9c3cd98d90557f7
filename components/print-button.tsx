"use client";

// Opens the browser's print dialog; the page's print: styles decide what goes on paper.
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex items-center gap-1.5 rounded-md border border-line-strong bg-surface px-2.5 py-1 text-[13px] font-medium text-fg hover:bg-surface-2 print:hidden"
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" className="text-muted">
        <path d="M4 6V1.5h8V6M4 12H2.5A1 1 0 0 1 1.5 11V7a1 1 0 0 1 1-1h11a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1H12M4 9.5h8v5H4z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
      </svg>
      {label}
    </button>
  );
}
