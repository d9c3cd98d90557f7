// The refusal of a stale save: who changed the object since the form was opened, and its values now.
export function StaleNotice({ message, current, labels }: { message: string; current: Record<string, string>; labels: Record<string, string> }) {
  return (
    <div role="alert" aria-label="Changed since you opened it" className="rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm">
      <p className="font-medium text-warn">{message}</p>
      <dl className="mt-1 grid grid-cols-[10rem_1fr] gap-x-3 text-[13px]">
        {Object.entries(current).map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{labels[k] ?? k}</dt>
            <dd className="font-mono whitespace-pre-line">{v || "—"}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
