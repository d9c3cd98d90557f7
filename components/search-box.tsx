"use client";

import Form from "next/form";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";

// The header's search: a plain GET form to /search (it works without JavaScript; next/form makes it a
// client-side navigation when JavaScript runs). `/` focuses it from anywhere on the page, except while
// typing into another field; Escape leaves it.
export function SearchBox() {
  const input = useRef<HTMLInputElement>(null);
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // on the results page the box keeps the query, so it can be refined
  const query = pathname === "/search" ? (searchParams.get("q") ?? "") : "";

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select"))) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <Form action="/search" role="search" aria-label="Locate a device" className="relative w-full sm:ml-auto sm:w-64 2xl:w-80">
      <label htmlFor="global-search" className="sr-only">
        Search devices
      </label>
      <svg
        viewBox="0 0 16 16"
        width="14"
        height="14"
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-muted"
      >
        <circle cx="6.75" cy="6.75" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M10.25 10.25 14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        ref={input}
        // a new search (back, forward, a link) shows its own query
        key={query}
        id="global-search"
        type="search"
        name="q"
        required
        maxLength={200}
        defaultValue={query}
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="/"
        onKeyDown={(event) => {
          if (event.key === "Escape") event.currentTarget.blur();
        }}
        placeholder="Hostname, service tag, MAC, IP, port…"
        className="peer w-full rounded-md border border-line bg-canvas py-1.5 pr-8 pl-8 text-[13px] text-fg outline-none placeholder:text-muted focus-visible:border-accent focus-visible:bg-surface focus-visible:ring-2 focus-visible:ring-accent/30 [&::-webkit-search-cancel-button]:hidden"
      />
      <kbd
        aria-hidden="true"
        title="Press / to search"
        className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-line-strong bg-surface px-1.5 font-mono text-[11px] leading-4 text-muted peer-focus:hidden peer-[:not(:placeholder-shown)]:hidden"
      >
        /
      </kbd>
    </Form>
  );
}
