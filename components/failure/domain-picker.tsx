"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { whatIfHref } from "./links";

type Suggestion = { ref: string; type: string; key: string };

// Adds a failure domain to a what-if scenario. A plain GET form (the scenario's domains ride along as hidden
// `f` fields), so it works without JavaScript; with it, the input suggests `type:key` references as you type
// (a <datalist> fed by GET /api/v1/failure-domains), and the new URL keeps `:` and `/` readable.
export function DomainPicker({ refs, autoFocus = false }: { refs: readonly string[]; autoFocus?: boolean }) {
  const router = useRouter();
  const inputId = useId();
  const listId = useId();
  const [value, setValue] = useState("");
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const latest = useRef("");

  useEffect(() => {
    const q = value.trim();
    latest.current = q;
    if (q.length === 0) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/v1/failure-domains?q=${encodeURIComponent(q)}&limit=25`, { signal: controller.signal })
        .then((response) => (response.ok ? response.json() : { domains: [] }))
        .then((body: { domains: Suggestion[] }) => {
          if (latest.current === q) setSuggestions(body.domains.filter((d) => !refs.includes(d.ref)));
        })
        .catch(() => {});
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value, refs]);

  return (
    <form
      action="/what-if"
      method="get"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        const ref = value.trim();
        if (ref === "") return;
        event.preventDefault();
        router.push(whatIfHref(refs.includes(ref) ? refs : [...refs, ref]));
      }}
    >
      {refs.map((ref) => (
        <input key={ref} type="hidden" name="f" value={ref} />
      ))}
      <div className="min-w-0 flex-1 basis-72">
        <label htmlFor={inputId} className="mb-1 block text-xs font-medium text-muted">
          Add a failure domain
        </label>
        <input
          id={inputId}
          name="f"
          list={listId}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          autoComplete="off"
          autoFocus={autoFocus}
          spellCheck={false}
          required
          placeholder="cabinet:ORD1/A01, device:tor-a01-a, nic_driver:bnx2, power_source:ORD1/UPS-1 …"
          className="block w-full rounded-md border border-line-strong bg-surface px-2.5 py-1.5 font-mono text-[13px] outline-none placeholder:font-sans placeholder:text-muted focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/40"
        />
        <datalist id={listId}>
          {(value.trim() === "" ? [] : suggestions).map((s) => (
            <option key={s.ref} value={s.ref} />
          ))}
        </datalist>
      </div>
      <button
        type="submit"
        className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-fg outline-none hover:opacity-90 focus-visible:ring-2 focus-visible:ring-accent/50 focus-visible:ring-offset-1"
      >
        {refs.length === 0 ? "See the impact" : "Add"}
      </button>
    </form>
  );
}
