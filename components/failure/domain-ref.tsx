import Link from "next/link";
import { DOMAIN_TYPE_LABELS, domainTypeOfRef } from "@/lib/domain/failure-domain";
import { whatIfHref } from "./links";

// A failure domain as a chip: its type in small print, its key in mono. With `href` (default: the what-if
// page with this domain failed) it is a link; `bare` drops the chip's own box (inside another chip).
export function DomainRef({
  domainRef,
  href,
  title,
  bare = false,
}: {
  domainRef: string;
  href?: string | null;
  title?: string;
  bare?: boolean;
}) {
  const type = domainTypeOfRef(domainRef);
  const key = domainRef.slice(domainRef.indexOf(":") + 1);
  const body = (
    <>
      <span className="text-[11px] text-muted">{DOMAIN_TYPE_LABELS[type]}</span>{" "}
      <span className="font-mono text-[12.5px]">{key}</span>
    </>
  );
  const chip = bare
    ? "inline-flex items-baseline gap-1 px-1 whitespace-nowrap"
    : "inline-flex items-baseline gap-1 rounded border border-line bg-surface-2 px-1.5 py-px whitespace-nowrap";
  if (href === null) return <span className={chip} title={title}>{body}</span>;
  return (
    <Link
      href={href ?? whatIfHref([domainRef])}
      title={title ?? `What if ${domainRef} fails?`}
      className={`${chip} hover:border-accent hover:bg-accent-soft`}
    >
      {body}
    </Link>
  );
}
