import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { FailureIndexLoading } from "@/components/failure/index-loading";
import { FINDING_KIND_INFO, SEVERITY_LABEL, SEVERITY_TONE } from "@/components/failure/finding-kinds";
import { deviceHref, whatIfHref } from "@/components/failure/links";
import { placeOfNode } from "@/components/failure/place";
import { FailureSection } from "@/components/failure/section";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber, plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { getFailureIndex } from "@/lib/db/failure-snapshot";
import { cabinetFindings } from "@/lib/domain/cabinet-findings";
import { FINDING_KINDS, findings as allFindings, type Finding, type FindingKind } from "@/lib/domain/findings";

export const metadata: Metadata = { title: "Findings" };

// rows per kind on the overview; ?kind= lists one kind in full, a page at a time
const OVERVIEW_ROWS = 100;
const KIND_PAGE_SIZE = 500;

type Search = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isFindingKind(value: string | undefined): value is FindingKind {
  return (FINDING_KINDS as readonly string[]).includes(value ?? "");
}

// The permission check runs before anything streams (so its status holds); the rest waits for the index.
export default async function FindingsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  await requirePage(canRead, "/findings");
  const search = await searchParams;
  return (
    <Suspense fallback={<FailureIndexLoading title="Findings" />}>
      <Findings search={search} />
    </Suspense>
  );
}

async function Findings({ search }: { search: Search }) {
  const kindParam = one(search.kind);
  const only = isFindingKind(kindParam) ? kindParam : null;
  const index = await getFailureIndex();
  const list = allFindings(index);
  const cabinets = cabinetFindings(index);
  const byKind = new Map<FindingKind, Finding[]>();
  for (const finding of list) {
    const group = byKind.get(finding.kind);
    if (group === undefined) byKind.set(finding.kind, [finding]);
    else group.push(finding);
  }
  // redundancy problems first: they are what a single failure would find
  const order = { redundancy: 0, data: 1, gap: 2 } as const;
  const kinds = FINDING_KINDS.filter((k) => byKind.has(k) && (only === null || k === only)).sort(
    (a, b) => order[FINDING_KIND_INFO[a].severity] - order[FINDING_KIND_INFO[b].severity],
  );
  const page = Math.max(Number.parseInt(one(search.page) ?? "1", 10) || 1, 1);

  return (
    <div className="space-y-5">
      <PageHeader
        breadcrumbs={only ? [{ href: "/findings", label: "Findings" }] : undefined}
        title={only ? FINDING_KIND_INFO[only].title : "Findings"}
        description={
          only
            ? FINDING_KIND_INFO[only].about
            : "Wiring and power that defeat redundancy, records that cannot be right, and gaps the impact rules fill with defaults."
        }
      />
      {list.length === 0 && cabinets.length === 0 ? (
        <EmptyState title="No findings">
          <p>Every bond reaches two switches, every device draws on its cabinet&apos;s feeds, and every server is cabled.</p>
        </EmptyState>
      ) : (
        <>
          {only === null ? (
            <ul aria-label="Findings by kind" className="flex flex-wrap gap-2">
              {cabinets.length > 0 ? <KindTile href="#cabinet_single_source" title="Cabinet fed from one power source" count={cabinets.length} tone="danger" /> : null}
              {kinds.map((kind) => (
                <KindTile
                  key={kind}
                  href={`#${kind}`}
                  title={FINDING_KIND_INFO[kind].title}
                  count={byKind.get(kind)!.length}
                  tone={SEVERITY_TONE[FINDING_KIND_INFO[kind].severity]}
                />
              ))}
            </ul>
          ) : null}
          {only === null && cabinets.length > 0 ? (
            <FailureSection
              id="cabinet_single_source"
              title={
                <span className="flex items-center gap-2">
                  Cabinet fed from one power source <Badge tone="danger">{SEVERITY_LABEL.redundancy}</Badge>
                </span>
              }
              count={cabinets.length}
            >
              <p className="text-[13px] text-muted">
                The cabinet has A and B feeds, but they come from the same UPS or panel: its devices look dual-fed and are not.
              </p>
              <DataTable label="Cabinets fed from one power source">
                <thead>
                  <tr>
                    <th scope="col">Cabinet</th>
                    <th scope="col">Devices</th>
                    <th scope="col">Finding</th>
                  </tr>
                </thead>
                <tbody>
                  {cabinets.map((finding) => (
                    <tr key={finding.cabinetId}>
                      <td className="whitespace-nowrap">
                        <Link href={`/cabinets/${finding.cabinetId}`} className="font-semibold text-accent hover:underline">
                          {finding.cabinet}
                        </Link>
                      </td>
                      <td className="tabular-nums">{formatNumber(finding.devices)}</td>
                      <td>
                        {finding.message}{" "}
                        <Link href={whatIfHref([finding.sourceRef])} className="whitespace-nowrap text-accent hover:underline">
                          what if it fails →
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            </FailureSection>
          ) : null}
          {kinds.map((kind) => {
            const group = byKind.get(kind)!;
            const info = FINDING_KIND_INFO[kind];
            const start = only === null ? 0 : (page - 1) * KIND_PAGE_SIZE;
            const rows = group.slice(start, start + (only === null ? OVERVIEW_ROWS : KIND_PAGE_SIZE));
            return (
              <FailureSection
                key={kind}
                id={kind}
                title={
                  <span className="flex items-center gap-2">
                    {info.title} <Badge tone={SEVERITY_TONE[info.severity]}>{SEVERITY_LABEL[info.severity]}</Badge>
                  </span>
                }
                count={formatNumber(group.length)}
              >
                {only === null ? <p className="text-[13px] text-muted">{info.about}</p> : null}
                <DataTable label={info.title}>
                  <thead>
                    <tr>
                      <th scope="col">Host</th>
                      <th scope="col">Where</th>
                      <th scope="col">Finding</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((finding) => (
                      <tr key={`${finding.deviceId}-${finding.message}`}>
                        <td className="whitespace-nowrap">
                          <Link href={deviceHref(finding.hostname)} className="font-mono text-[12.5px] font-semibold text-accent hover:underline">
                            {finding.hostname}
                          </Link>
                        </td>
                        <td className="whitespace-nowrap text-muted">{placeOfNode(index.nodeByDeviceId.get(finding.deviceId)!)}</td>
                        <td>{finding.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
                {only === null && group.length > rows.length ? (
                  <p className="text-sm">
                    <Link href={`/findings?kind=${kind}`} className="text-accent hover:underline">
                      All {plural(group.length, "finding")} of this kind →
                    </Link>
                  </p>
                ) : null}
                {only !== null && group.length > KIND_PAGE_SIZE ? (
                  <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
                    {page > 1 ? (
                      <Link href={`/findings?kind=${kind}&page=${page - 1}`} className="text-accent hover:underline">
                        ← Previous
                      </Link>
                    ) : null}
                    <span className="text-muted">
                      Page {page} of {Math.ceil(group.length / KIND_PAGE_SIZE)}
                    </span>
                    {start + KIND_PAGE_SIZE < group.length ? (
                      <Link href={`/findings?kind=${kind}&page=${page + 1}`} className="text-accent hover:underline">
                        Next →
                      </Link>
                    ) : null}
                  </nav>
                ) : null}
              </FailureSection>
            );
          })}
        </>
      )}
    </div>
  );
}

function KindTile({ href, title, count, tone }: { href: string; title: string; count: number; tone: "danger" | "warn" | "neutral" }) {
  const color = tone === "danger" ? "text-danger" : tone === "warn" ? "text-warn" : "text-fg";
  return (
    <li>
      <a href={href} className="block min-w-44 rounded-md border border-line bg-surface px-3.5 py-2 hover:border-accent">
        <span className="block text-xs text-muted">{title}</span>
        <span className={`block text-xl font-semibold tabular-nums ${color}`}>{formatNumber(count)}</span>
      </a>
    </li>
  );
}
