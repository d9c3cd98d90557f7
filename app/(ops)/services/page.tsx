import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { FailureIndexLoading } from "@/components/failure/index-loading";
import { DomainRef } from "@/components/failure/domain-ref";
import { deviceHref, serviceHref } from "@/components/failure/links";
import { ServiceStateBadge } from "@/components/failure/service-state-badge";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber, plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { ServicesTable } from "./services-table";
import { canEditInventory, canRead, type Viewer } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { getFailureIndex } from "@/lib/db/failure-snapshot";
import { listServiceDescriptions } from "@/lib/db/services";
import { currentImpact } from "@/lib/domain/current-state";
import { compareNatural, type SnapshotIndex } from "@/lib/domain/failure-snapshot";
import type { ServiceImpact } from "@/lib/domain/impact";
import { allServiceSpofs, type ServiceSpofs, type SpofEntry } from "@/lib/domain/spof";

export const metadata: Metadata = { title: "Services" };

const PAGE_SIZE = 40;
const MEMBERS_SHOWN = 10;
// more than this and the service's own page lists them
const MEMBERS_LISTED = 60;

const FILTERS = ["all", "spof", "hurt"] as const;
type Filter = (typeof FILTERS)[number];

type Search = Record<string, string | string[] | undefined>;

type ServiceView = {
  name: string;
  description: string;
  now: ServiceImpact | undefined;
  spofs: ServiceSpofs;
  // its SPOFs but those every service has (shown once, above the list)
  own: SpofEntry[];
  members: { hostname: string; role: string; status: string }[];
};

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function serviceViews(index: SnapshotIndex, descriptions: ReadonlyMap<string, string>): ServiceView[] {
  const now = new Map(currentImpact(index).services.map((s) => [s.name, s]));
  return allServiceSpofs(index).map((spofs) => {
    const service = index.serviceById.get(spofs.serviceId)!;
    const members = service.members
      .map((m) => {
        const device = index.deviceById.get(m.deviceId)!;
        return { hostname: device.hostname, role: m.role, status: device.status };
      })
      .sort((a, b) => compareNatural(a.hostname, b.hostname));
    return { name: spofs.name, description: descriptions.get(spofs.name) ?? "", now: now.get(spofs.name), spofs, own: spofs.spofs, members };
  });
}

// The SPOFs every service has (one site; every TOR pair of one switch model): true, but the same line on
// every card would bury what is particular to each. Shown once instead; only with two or more services.
function commonSpofs(views: readonly ServiceView[]): SpofEntry[] {
  if (views.length < 2) return [];
  let common = views[0]!.spofs.spofs;
  for (const view of views.slice(1)) {
    const refs = new Set(view.spofs.spofs.map((s) => s.ref));
    common = common.filter((s) => refs.has(s.ref));
  }
  return common;
}

// The permission check runs before anything streams (so its status holds); the rest waits for the index.
export default async function ServicesPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  const search = await searchParams;
  const viewer = await requirePage(canRead, one(search.view) === "table" ? "/services?view=table" : "/services");
  if (one(search.view) === "table") return <ServicesTable search={search} />;
  return (
    <Suspense fallback={<FailureIndexLoading title="Services" />}>
      <Services search={search} viewer={viewer} />
    </Suspense>
  );
}

async function Services({ search, viewer }: { search: Search; viewer: Viewer }) {
  const filter: Filter = FILTERS.find((f) => f === one(search.show)) ?? "all";
  const [index, descriptions] = await Promise.all([getFailureIndex(), listServiceDescriptions()]);
  const all = serviceViews(index, descriptions);
  const common = commonSpofs(all);
  const commonRefs = new Set(common.map((s) => s.ref));
  for (const view of all) view.own = view.spofs.spofs.filter((s) => !commonRefs.has(s.ref));
  const withSpofs = all.filter((s) => s.own.length > 0).length;
  const hurt = all.filter((s) => s.now !== undefined && s.now.state !== "ok").length;
  const filtered = all.filter((s) =>
    filter === "spof" ? s.own.length > 0 : filter === "hurt" ? s.now !== undefined && s.now.state !== "ok" : true,
  );
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const page = Math.min(Math.max(Number.parseInt(one(search.page) ?? "1", 10) || 1, 1), pages);
  const shown = filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const href = (show: Filter, p = 1) => `/services?${new URLSearchParams({ ...(show !== "all" ? { show } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;

  return (
    <div className="space-y-4">
      <PageHeader
        title="Services"
        description="Redundancy groups: hosts that back each other up, how many must stay up, and what single failure would take them all out."
      >
        <Link href="/services?view=table" className="text-sm text-accent hover:underline">
          Table view
        </Link>
        <Link href="/what-if" className="text-sm text-accent hover:underline">
          What if…
        </Link>
        <Link href="/domains" className="text-sm text-accent hover:underline">
          Failure domains
        </Link>
        {canEditInventory(viewer) ? (
          <Link href="/services/new" className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2">
            New service
          </Link>
        ) : null}
      </PageHeader>
      {all.length === 0 ? (
        <EmptyState title="No services yet">
          <p>A service groups the hosts that back each other up, such as a database master, slave and backup.</p>
        </EmptyState>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <nav aria-label="Filter services" className="flex flex-wrap gap-1">
              {FILTERS.map((f) => {
                const count = f === "all" ? all.length : f === "spof" ? withSpofs : hurt;
                const label =
                  f === "all" ? "All" : f === "hurt" ? "Not ok now" : common.length > 0 ? "With single points of failure of their own" : "With single points of failure";
                const current = f === filter;
                return (
                  <Link
                    key={f}
                    href={href(f)}
                    aria-current={current ? "page" : undefined}
                    className={`rounded-md border px-2.5 py-1 text-[13px] ${current ? "border-accent bg-accent-soft font-medium text-fg" : "border-line bg-surface text-muted hover:text-fg"}`}
                  >
                    {label} <span className="tabular-nums">{formatNumber(count)}</span>
                  </Link>
                );
              })}
            </nav>
            <p className="text-xs text-muted">
              State now counts members recorded as <em>failed</em> or <em>offline</em> as down.
            </p>
          </div>
          {common.length > 0 ? (
            <section aria-label="Shared by every service" className="flex flex-wrap items-center gap-2 rounded-md border border-danger/30 bg-danger-soft/60 px-4 py-2.5">
              <span className="font-medium">Every service has {common.length === 1 ? "this single point of failure" : "these single points of failure"}:</span>
              {common.map((spof) => (
                <DomainRef key={spof.ref} domainRef={spof.ref} />
              ))}
              <span className="text-[13px] text-muted">Shown once here, not on each service below.</span>
            </section>
          ) : null}
          {shown.length === 0 ? (
            <EmptyState title="No service matches this filter" />
          ) : (
            <ul className="space-y-3" aria-label="Services">
              {shown.map((service) => (
                <li key={service.name}>
                  <ServiceCard service={service} commonCount={common.length} />
                </li>
              ))}
            </ul>
          )}
          {pages > 1 ? (
            <nav aria-label="Pages" className="flex items-center justify-between text-sm">
              {page > 1 ? (
                <Link href={href(filter, page - 1)} className="text-accent hover:underline">
                  ← Previous
                </Link>
              ) : (
                <span />
              )}
              <span className="text-muted">
                Page {page} of {pages}
              </span>
              {page < pages ? (
                <Link href={href(filter, page + 1)} className="text-accent hover:underline">
                  Next →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}

function ServiceCard({ service, commonCount }: { service: ServiceView; commonCount: number }) {
  const { spofs, now, own } = service;
  const headingId = `service-${service.name.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const physical = own.filter((s) => s.group === "physical");
  const fleet = own.filter((s) => s.group === "fleet");
  const shared = commonCount > 0 ? ` the ${commonCount} every service has` : "";
  return (
    <article aria-labelledby={headingId} className="rounded-md border border-line bg-surface">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-line px-4 py-2.5">
        <h2 id={headingId} className="text-[15px] font-semibold">
          <Link href={serviceHref(service.name)} className="hover:text-accent hover:underline">
            {service.name}
          </Link>
        </h2>
        <ServiceStateBadge state={now?.state ?? spofs.state} />
        <span className="text-[13px] text-muted tabular-nums">
          {now?.up ?? spofs.total} of {plural(spofs.total, "member")} up · needs {spofs.minUp}
        </span>
        {own.length > 0 ? (
          <Badge tone="danger">{plural(own.length, "single point of failure", "single points of failure")}</Badge>
        ) : spofs.state === "ok" && spofs.total > 0 && commonCount === 0 ? (
          <Badge tone="ok">no single point of failure</Badge>
        ) : null}
        <Link href={serviceHref(service.name)} className="ml-auto text-[13px] text-accent hover:underline">
          Shared domains and advice →
        </Link>
        {service.description ? <p className="w-full text-[13px] text-muted">{service.description}</p> : null}
      </header>
      <div className="grid gap-x-6 gap-y-3 px-4 py-3 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div>
          <h3 className="mb-1 text-xs font-medium text-muted">Members</h3>
          <Members name={service.name} members={service.members} down={now?.down ?? []} />
        </div>
        <div>
          <h3 className="mb-1 text-xs font-medium text-muted">Single points of failure</h3>
          {spofs.state === "outage" && spofs.spofs.length === 0 ? (
            <p className="text-danger">Fewer members than the {spofs.minUp} it needs: in outage with nothing failed.</p>
          ) : own.length === 0 ? (
            <p className="text-muted">
              {commonCount > 0 ? `None but${shared}.` : "None: no single domain takes out more than the service can lose."}
            </p>
          ) : (
            <dl className="space-y-1.5">
              <SpofGroup label="Physical" spofs={physical} />
              <SpofGroup label="Fleet-wide" spofs={fleet} />
              {commonCount > 0 ? <p className="text-xs text-muted">and{shared}</p> : null}
            </dl>
          )}
        </div>
      </div>
    </article>
  );
}

function Members({ name, members, down }: { name: string; members: ServiceView["members"]; down: readonly string[] }) {
  if (members.length === 0) return <p className="text-muted">No members.</p>;
  // a role every member has says nothing
  const showRoles = new Set(members.map((m) => m.role)).size > 1;
  const item = (m: ServiceView["members"][number]) => (
    <li key={m.hostname} className="whitespace-nowrap">
      <Link href={deviceHref(m.hostname)} className={`font-mono text-[12.5px] hover:underline ${down.includes(m.hostname) ? "text-danger" : "text-accent"}`}>
        {m.hostname}
      </Link>
      {showRoles && m.role ? <span className="text-xs text-muted"> {m.role}</span> : null}
      {m.status !== "active" ? <span className="text-xs text-warn"> ({m.status})</span> : null}
    </li>
  );
  const first = members.slice(0, MEMBERS_SHOWN);
  const rest = members.slice(MEMBERS_SHOWN, MEMBERS_LISTED);
  return (
    <div>
      <ul className="flex flex-wrap gap-x-3 gap-y-0.5">{first.map(item)}</ul>
      {rest.length > 0 ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-accent">{members.length - first.length} more</summary>
          <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5">{rest.map(item)}</ul>
          {members.length > MEMBERS_LISTED ? (
            <Link href={serviceHref(name)} className="mt-1 block text-xs text-accent hover:underline">
              All {members.length} members →
            </Link>
          ) : null}
        </details>
      ) : null}
    </div>
  );
}

function SpofGroup({ label, spofs }: { label: string; spofs: readonly SpofEntry[] }) {
  if (spofs.length === 0) return null;
  return (
    <div className="flex flex-wrap items-baseline gap-1.5">
      <dt className="w-20 shrink-0 text-xs text-muted">{label}</dt>
      <dd className="flex min-w-0 flex-1 flex-wrap gap-1.5">
        {spofs.map((spof) => (
          <DomainRef
            key={spof.ref}
            domainRef={spof.ref}
            title={`What if ${spof.ref} fails? It takes down ${spof.members.length === 1 ? spof.members[0] : `${spof.members.length} members`}.`}
          />
        ))}
      </dd>
    </div>
  );
}
