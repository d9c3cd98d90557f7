"use client";

import Link from "next/link";
import { useEffect } from "react";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  // Server errors reach the browser without their message; the digest finds them in the server log.
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div className="mx-auto max-w-lg py-16 text-center" role="alert">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="mt-2 text-muted">This page could not be loaded. The database may be unreachable; try again in a moment.</p>
      {digest ? (
        <p className="mt-2 text-xs text-muted">
          Reference <code className="rounded bg-surface-2 px-1 py-0.5">{digest}</code> for the server log.
        </p>
      ) : null}
      <div className="mt-5 flex justify-center gap-3">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded bg-accent px-3 py-1.5 font-medium text-accent-fg hover:opacity-90"
        >
          Try again
        </button>
        <Link href="/" className="rounded border border-line px-3 py-1.5 hover:bg-surface-2">
          Overview
        </Link>
      </div>
    </div>
  );
}
