"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

// Ctrl-K (Cmd-K on a Mac) from anywhere: a dialog that jumps to a page, a device (by anything locate
// matches: hostname, service tag, MAC, IP, port, cable label), a cabinet, room, site or service.
// Arrows move, Enter opens, Escape closes; the native <dialog> keeps focus inside while open.

export type JumpPage = { label: string; href: string };
type Option = { key: string; label: string; detail: string; href: string; group: string };

type LocateMatch = { hostname: string; matchedOn: string; matchedValue: string; location: { site: string | null; cabinet: string | null; uLow: number | null; chassis: string | null; bay: number | null } | null };
type Place = { kind: string; label: string; detail: string; href: string };

const SEARCH_DELAY_MS = 150;

function deviceDetail(match: LocateMatch): string {
  const where = match.location;
  const place = !where
    ? "not placed"
    : where.chassis
      ? `${where.chassis} bay ${where.bay}`
      : where.cabinet
        ? `${where.site}/${where.cabinet} U${where.uLow}`
        : (where.site ?? "not placed");
  return match.matchedOn === "hostname" ? place : `${match.matchedOn} ${match.matchedValue} · ${place}`;
}

export function QuickJump({ pages }: { pages: readonly JumpPage[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<{ query: string; options: Option[] } | null>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key.toLowerCase() !== "k" || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      open();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const trimmed = query.trim();
  useEffect(() => {
    if (trimmed.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const get = async <T,>(url: string): Promise<T | null> => {
        const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
        return response.ok ? ((await response.json()) as T) : null;
      };
      try {
        const q = encodeURIComponent(trimmed);
        const [devices, places] = await Promise.all([
          get<{ matches: LocateMatch[] }>(`/api/v1/locate?q=${q}&limit=6`),
          get<{ places: Place[] }>(`/api/v1/places?q=${q}`),
        ]);
        const seen = new Set<string>();
        const options: Option[] = [];
        for (const m of devices?.matches ?? []) {
          if (seen.has(m.hostname)) continue;
          seen.add(m.hostname);
          options.push({ key: `device:${m.hostname}`, label: m.hostname, detail: deviceDetail(m), href: `/devices/${encodeURIComponent(m.hostname)}`, group: "Device" });
        }
        for (const p of places?.places ?? []) {
          options.push({ key: `${p.kind}:${p.href}`, label: p.label, detail: p.detail, href: p.href, group: p.kind[0]!.toUpperCase() + p.kind.slice(1) });
        }
        setFound({ query: trimmed, options });
      } catch (error) {
        if ((error as Error).name !== "AbortError") setFound({ query: trimmed, options: [] });
      }
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed]);

  const needle = trimmed.toLowerCase();
  const pageOptions: Option[] = pages
    .filter((p) => needle === "" || p.label.toLowerCase().includes(needle))
    .map((p) => ({ key: `page:${p.href}`, label: p.label, detail: p.href, href: p.href, group: "Page" }));
  const searching = trimmed.length >= 2 && found?.query !== trimmed;
  const options = [...pageOptions, ...(trimmed.length >= 2 && found?.query === trimmed ? found.options : [])];
  const current = Math.min(active, Math.max(options.length - 1, 0));

  function open() {
    const d = dialog.current;
    if (!d || d.open) return;
    setQuery("");
    setActive(0);
    d.showModal();
    input.current?.focus();
  }

  function go(option: Option | undefined) {
    if (!option) return;
    dialog.current?.close();
    router.push(option.href);
  }

  return (
    <>
      <button
        type="button"
        onClick={open}
        aria-keyshortcuts="Control+K Meta+K"
        aria-label="Jump to… (Ctrl+K)"
        title="Jump to a page, device, cabinet or service (Ctrl+K)"
        className="hidden rounded border border-line px-1.5 py-0.5 font-mono text-[11px] text-muted hover:bg-surface-2 hover:text-fg 2xl:inline-block"
      >
        Ctrl K
      </button>
      <dialog
        ref={dialog}
        aria-label="Jump to a page, device, cabinet, room, site or service"
        className="mx-auto mt-[12vh] w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-line bg-surface p-0 text-fg shadow-xl backdrop:bg-black/30"
        onClick={(event) => {
          // a click on the backdrop (the dialog element itself, outside its content) closes it
          if (event.target === dialog.current) dialog.current.close();
        }}
      >
        <div className="border-b border-line p-2">
          <label htmlFor={`${listId}-input`} className="sr-only">
            Jump to
          </label>
          <input
            ref={input}
            id={`${listId}-input`}
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={options[current] ? `${listId}-${current}` : undefined}
            value={query}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            placeholder="Page, hostname, service tag, MAC, IP, cabinet, service…"
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={(event) => {
              if (event.key === "ArrowDown") {
                event.preventDefault();
                setActive(options.length === 0 ? 0 : (current + 1) % options.length);
              } else if (event.key === "ArrowUp") {
                event.preventDefault();
                setActive(options.length === 0 ? 0 : (current - 1 + options.length) % options.length);
              } else if (event.key === "Enter") {
                event.preventDefault();
                go(options[current]);
              }
            }}
            className="w-full rounded-md border border-line bg-canvas px-3 py-2 text-[14px] outline-none focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/30"
          />
        </div>
        <ul id={listId} role="listbox" aria-label="Matches" className="max-h-[55vh] overflow-y-auto p-1">
          {options.map((option, i) => (
            <li
              key={option.key}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              onMouseMove={() => setActive(i)}
              onClick={() => go(option)}
              className={`flex cursor-pointer items-baseline gap-3 rounded px-3 py-1.5 ${i === current ? "bg-accent-soft" : ""}`}
            >
              <span className="w-16 shrink-0 text-xs text-muted">{option.group}</span>
              <span className="font-medium">{option.label}</span>
              <span className="truncate text-xs text-muted">{option.detail}</span>
            </li>
          ))}
          {options.length === 0 && !searching ? <li className="px-3 py-2 text-muted">No matches.</li> : null}
          {searching ? (
            <li className="px-3 py-2 text-muted" aria-live="polite">
              Searching…
            </li>
          ) : null}
        </ul>
        <p className="border-t border-line px-3 py-1.5 text-xs text-muted">↑ ↓ to move · Enter to open · Esc to close</p>
      </dialog>
    </>
  );
}
