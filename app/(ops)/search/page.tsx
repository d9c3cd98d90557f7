import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { DeviceStatusBadge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { SelectHostCheckbox, WorkOrderSelectionForm } from "@/components/work-orders/selection";
import { canManageWorkOrders, canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { locate, type LocateMatch } from "@/lib/db/locate";
import {
  highlightRange,
  parseLocateQuery,
  uniqueExactMatch,
  type LocateQuery,
  type MatchedOn,
  type MatchType,
} from "@/lib/domain/locate-query";
import { formatURange } from "@/lib/domain/rack-layout";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const LIMIT = 50;

const MATCHED_ON_LABEL: Record<MatchedOn, string> = {
  hostname: "Hostname",
  serial: "Service tag",
  assetTag: "Asset tag",
  mac: "MAC",
  ip: "IP",
  oobIp: "OOB IP",
  switchPort: "Switch port",
  cableLabel: "Cable label",
};

const GROUP_HEADING: Record<MatchType, (q: string) => ReactNode> = {
  exact: () => "Exact matches",
  prefix: (q) => (
    <>
      Starting with <Quoted>{q}</Quoted>
    </>
  ),
  substring: (q) => (
    <>
      Containing <Quoted>{q}</Quoted>
    </>
  ),
};

function queryOf(raw: string | string[] | undefined): string | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value.trim() === "" ? null : value;
}

function deviceHref(hostname: string): string {
  return `/devices/${encodeURIComponent(hostname)}`;
}

function searchHref(q: string): string {
  return `/search?q=${encodeURIComponent(q)}`;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = queryOf((await searchParams).q);
  return { title: q ? `Search: ${q.trim().slice(0, 60)}` : "Search" };
}

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const raw = queryOf((await searchParams).q);
  const viewer = await requirePage(canRead, raw === null ? "/search" : searchHref(raw));

  if (raw === null) {
    return (
      <>
        <PageHeader title="Search" description="Find a device by anything written on it or about it." />
        <Hints />
      </>
    );
  }

  const parsed = parseLocateQuery(raw);
  if (!parsed.ok) {
    return (
      <>
        <PageHeader title="Search" />
        <p role="alert" aria-label={parsed.error} className="mb-4 rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-danger">
          {parsed.error}
        </p>
        <Hints />
      </>
    );
  }

  const q = parsed.query;
  const { matches, truncated } = await locate(q, { limit: LIMIT });
  // an exact hit on something only one device has (hostname, service tag, asset tag, MAC, a port
  // with something plugged in): that device is what was asked for
  const target = uniqueExactMatch(matches);
  if (target) redirect(deviceHref(target));

  const groups = (["exact", "prefix", "substring"] as const)
    .map((type) => ({ type, matches: matches.filter((m) => m.matchType === type) }))
    .filter((g) => g.matches.length > 0);
  // editors tick results and take them to a new work order
  const selectionForm = canManageWorkOrders(viewer) && matches.length > 0 ? "work-order-selection" : null;

  return (
    <>
      <PageHeader
        title={
          <>
            Search <Quoted>{q.text}</Quoted>
          </>
        }
        description={
          matches.length === 0
            ? "No device matches."
            : truncated
              ? `The first ${plural(matches.length, "match", "matches")}. Add to the search to narrow it down.`
              : `${plural(matches.length, "match", "matches")}.`
        }
      >
        {selectionForm ? <WorkOrderSelectionForm id={selectionForm}>Create work order from selected</WorkOrderSelectionForm> : null}
      </PageHeader>
      {matches.length === 0 ? (
        <NoMatches query={q} />
      ) : (
        <div className="space-y-5">
          {groups.map((group) => (
            <section key={group.type} aria-labelledby={`group-${group.type}`}>
              <h2 id={`group-${group.type}`} className="mb-2 text-sm font-semibold">
                {GROUP_HEADING[group.type](q.text)} <span className="font-normal text-muted">· {group.matches.length}</span>
              </h2>
              <ResultTable query={q} matches={group.matches} label={`${group.type} matches`} selectionForm={selectionForm} />
            </section>
          ))}
        </div>
      )}
    </>
  );
}

function ResultTable({ query, matches, label, selectionForm }: { query: LocateQuery; matches: LocateMatch[]; label: string; selectionForm: string | null }) {
  return (
    <DataTable label={label}>
      <thead>
        <tr>
          {selectionForm ? (
            <th scope="col" className="w-8">
              <span className="sr-only">Select</span>
            </th>
          ) : null}
          <th scope="col">Device</th>
          <th scope="col">Matched</th>
          <th scope="col">Location</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {matches.map((match) => (
          <tr key={`${match.hostname} ${match.matchedOn} ${match.matchedValue} ${match.nic ?? ""}`}>
            {selectionForm ? (
              <td>
                <SelectHostCheckbox form={selectionForm} hostname={match.hostname} />
              </td>
            ) : null}
            <td className="whitespace-nowrap">
              <Link href={deviceHref(match.hostname)} className="font-mono text-[13px] font-semibold text-accent hover:underline">
                {match.matchedOn === "hostname" ? <Highlighted value={match.hostname} query={query} match={match} /> : match.hostname}
              </Link>
              <div className="text-xs text-muted">
                {match.model}
                {match.role ? ` · ${match.role}` : null}
              </div>
            </td>
            <td>
              <Matched match={match} query={query} />
            </td>
            <td>
              <Location match={match} />
            </td>
            <td>
              <DeviceStatusBadge status={match.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function Matched({ match, query }: { match: LocateMatch; query: LocateQuery }) {
  const value = <Highlighted value={match.matchedValue} query={query} match={match} />;
  let detail: ReactNode = null;
  if (match.matchedOn === "switchPort") {
    detail = match.nic ? <>its {match.nic} is plugged into {value}</> : <>plugged into {value}</>;
  } else if (match.matchedOn !== "hostname") {
    detail = (
      <>
        <span className="font-mono text-[12.5px]">{value}</span>
        {match.nic ? <span className="text-muted"> on {match.nic}</span> : null}
      </>
    );
  }
  return (
    <div className="space-y-0.5">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="rounded bg-surface-2 px-1.5 py-px text-[11px] font-medium tracking-wide text-muted uppercase ring-1 ring-line ring-inset">
          {MATCHED_ON_LABEL[match.matchedOn]}
        </span>
        {detail ? <span className="font-mono text-[12.5px]">{detail}</span> : null}
      </div>
      {match.peer ? (
        <div className="text-xs text-muted">
          cabled to{" "}
          <Link href={deviceHref(match.peer.hostname)} className="font-mono text-accent hover:underline">
            {match.peer.hostname}
          </Link>{" "}
          <span className="font-mono">{match.peer.nic}</span>
        </div>
      ) : null}
    </div>
  );
}

function Highlighted({ value, query, match }: { value: string; query: LocateQuery; match: LocateMatch }) {
  const range = highlightRange(value, query, match);
  if (!range) return <>{value}</>;
  const [start, end] = range;
  return (
    <>
      {value.slice(0, start)}
      <mark className="rounded-sm bg-warn-soft px-px text-fg ring-1 ring-warn/30">{value.slice(start, end)}</mark>
      {value.slice(end)}
    </>
  );
}

// site › room › cabinet › U (face) › chassis › bay, each a link where it has a page
function Location({ match }: { match: LocateMatch }) {
  const l = match.location;
  if (l.cabinet === null || l.cabinetId === null) {
    return (
      <span className="text-muted">
        not placed
        {l.site ? (
          <>
            {" · in stock at "}
            {l.siteId !== null ? (
              <Link href={`/sites/${l.siteId}`} className="text-accent hover:underline">
                {l.site}
              </Link>
            ) : (
              l.site
            )}
          </>
        ) : null}
      </span>
    );
  }
  const steps: ReactNode[] = [];
  if (l.site) steps.push(l.siteId !== null ? <Link href={`/sites/${l.siteId}`} className="text-accent hover:underline">{l.site}</Link> : l.site);
  if (l.room) steps.push(l.roomId !== null ? <Link href={`/rooms/${l.roomId}`} className="text-accent hover:underline">{l.room}</Link> : l.room);
  steps.push(
    <Link href={`/cabinets/${l.cabinetId}`} className="font-semibold text-accent hover:underline">
      {l.cabinet}
    </Link>,
  );
  if (l.uLow !== null && l.uHigh !== null) {
    steps.push(
      <span className="font-medium">
        {formatURange(l.uLow, l.uHigh)}
        {l.face ? <span className="font-normal text-muted"> ({l.face})</span> : null}
      </span>,
    );
  }
  if (l.chassis) {
    steps.push(
      <Link href={deviceHref(l.chassis)} className="font-mono text-[12.5px] text-accent hover:underline">
        {l.chassis}
      </Link>,
    );
    steps.push(<span className="font-medium">{l.bay === null ? "bay ?" : `bay ${l.bay}`}</span>);
  }
  return (
    <ol aria-label={`Location of ${match.hostname}`} className="flex flex-wrap items-baseline gap-x-1.5">
      {steps.map((step, i) => (
        <li key={i} className="flex items-baseline gap-x-1.5 whitespace-nowrap">
          {i > 0 ? (
            <span aria-hidden="true" className="text-line-strong">
              ›
            </span>
          ) : null}
          {step}
        </li>
      ))}
    </ol>
  );
}

function NoMatches({ query }: { query: LocateQuery }) {
  return (
    <div className="rounded-md border border-dashed border-line-strong bg-surface px-6 py-8">
      <p className="text-base font-medium">
        Nothing matches <Quoted>{query.text}</Quoted>
      </p>
      {query.switchPort ? (
        <p className="mt-1 text-muted">
          Read as port <span className="font-mono">{query.switchPort.port}</span> of{" "}
          <span className="font-mono">{query.switchPort.hostname}</span>: no cable is recorded on it, or the device or port is not
          known by that name.
        </p>
      ) : query.mac ? (
        <p className="mt-1 text-muted">
          Read as MAC <span className="font-mono">{query.mac}</span>: no Nic has it.
        </p>
      ) : query.ip ? (
        <p className="mt-1 text-muted">
          Read as IP <span className="font-mono">{query.ip.address}</span>: no device or Nic has it.
        </p>
      ) : null}
      <HintList />
    </div>
  );
}

function Hints() {
  return (
    <div className="rounded-md border border-line bg-surface px-6 py-6">
      <p className="text-base font-medium">Type into the search box at the top, or press <Kbd>/</Kbd> from anywhere.</p>
      <HintList />
    </div>
  );
}

// Shapes to type, not links: in a real inventory the demo's names would lead nowhere.
function HintList() {
  const hints: { what: string; example: string }[] = [
    { what: "a hostname, or part of one", example: "db-master, app-1" },
    { what: "a service tag or asset tag, in any case", example: "5x2kq4j" },
    { what: "a MAC, in any notation", example: "90:E2:BA:1F:68:7B, 90e2.ba1f.687b" },
    { what: "an IP or out-of-band IP", example: "10.0.0.11" },
    { what: "a switch and a port: what is plugged in there", example: "tor-a01-a Te1/0/7" },
    { what: "a cable label: both ends of the cable", example: "ORD1-A01-0007" },
  ];
  return (
    <div className="mt-4">
      <p className="text-muted">Try:</p>
      <ul className="mt-1.5 grid gap-x-6 gap-y-1.5 sm:grid-cols-[max-content_1fr]">
        {hints.map((hint) => (
          <li key={hint.what} className="contents">
            <span>{hint.what}</span>
            <span>
              <code className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-[12.5px] ring-1 ring-line ring-inset">{hint.example}</code>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Quoted({ children }: { children: ReactNode }) {
  return <span className="font-mono">“{children}”</span>;
}

function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="rounded border border-line-strong bg-surface-2 px-1.5 font-mono text-xs">{children}</kbd>;
}
