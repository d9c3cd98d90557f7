import type { ReactNode } from "react";

// A titled block of a detail page; the heading names the region for screen readers and tests.
export function Section({
  id,
  title,
  aside,
  children,
  className = "",
}: {
  id: string;
  title: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className={`scroll-mt-4 ${className}`.trim()}>
      <div className="mb-1.5 flex flex-wrap items-baseline justify-between gap-x-4">
        <h2 id={headingId} className="text-sm font-semibold">
          {title}
        </h2>
        {aside ? <div className="text-xs text-muted">{aside}</div> : null}
      </div>
      {children}
    </section>
  );
}

// Label/value pairs in a dense grid: the facts about one object.
type Fact = { label: string; value: ReactNode; wide?: boolean };

export function FactList({ facts }: { facts: Fact[] }) {
  // a fact left alone in its row takes the whole row, so the grid's hairlines never show an empty cell
  const cells: (Fact & { span: boolean })[] = [];
  let column = 0;
  facts.forEach((fact, i) => {
    const next = facts[i + 1];
    const span = fact.wide === true || (column === 0 && (next === undefined || next.wide === true));
    cells.push({ ...fact, span });
    column = span ? 0 : (column + 1) % 2;
  });
  return (
    <dl className="grid grid-cols-1 gap-px overflow-hidden rounded-md border border-line bg-line sm:grid-cols-2">
      {cells.map((fact) => (
        <div key={fact.label} className={`flex gap-3 bg-surface px-3 py-1.5 ${fact.span ? "sm:col-span-2" : ""}`}>
          <dt className="w-28 shrink-0 text-[13px] text-muted">{fact.label}</dt>
          <dd className="min-w-0 text-[13px] break-words">{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export const muted = <span className="text-muted">—</span>;
