import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { FailureIndexLoading } from "@/components/failure/index-loading";
import { DomainRef } from "@/components/failure/domain-ref";
import { deviceHref, serviceHref, whatIfHref } from "@/components/failure/links";
import { ServiceStateBadge } from "@/components/failure/service-state-badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber, plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { getFailureIndex } from "@/lib/db/failure-snapshot";
import { DOMAIN_HOSTS_RELATION, hostsOfDomain } from "@/lib/domain/domain-hosts";
import { DOMAIN_TYPES, DOMAIN_TYPE_LABELS, isDomainType, listDomains, type DomainType, type ResolvedDomain } from "@/lib/domain/failure-domain";
import type { SnapshotIndex } from "@/lib/domain/failure-snapshot";
import { computeImpact } from "@/lib/domain/impact";

export const metadata: Metadata = { title: "Failure domains" };

// each row computes the impact of its domain, so a page holds a bounded number of them
const PAGE_SIZE = 25;
const HOSTS_LISTED = 200;
const SERVICES_LISTED = 12;

const TYPE_TITLES: Record<DomainType, string> = {
  site: "Sites",
  room: "Rooms",
  cabinet: "Cabinets",
  power_source: "Power sources",
  power_feed: "Power feeds",
  device: "Switches and chassis",
  nic_driver: "NIC drivers",
  model: "Models",
};

type Search = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// the devices others depend on: switches, chassis with sleds, anything another device is cabled to
function othersDependOn(index: SnapshotIndex, deviceId: number): boolean {
  const node = index.nodeByDeviceId.get(deviceId)!;
  return node.isSwitch || index.sledsByChassis.has(deviceId) || index.nodesByPathPeer.has(deviceId);
}

// The permission check runs before anything streams (so its status holds); the rest waits for the index.
export default async function DomainsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  await requirePage(canRead, "/domains");
  const search = await searchParams;
  return (
    <Suspense fallback={<FailureIndexLoading title="Failure domains" />}>
      <Domains search={search} />
    </Suspense>
  );
}

async function Domains({ search }: { search: Search }) {
  const typeParam = one(search.type) ?? "cabinet";
  const type: DomainType = isDomainType(typeParam) ? typeParam : "cabinet";
  const q = (one(search.q) ?? "").trim().slice(0, 200);
  const allDevices = one(search.all) === "1";
  const index = await getFailureIndex();

  let domains = listDomains(index, type);
  if (type === "device" && !allDevices) domains = domains.filter((d) => othersDependOn(index, Number(d.id)));
  if (q !== "") domains = domains.filter((d) => d.key.toLowerCase().includes(q.toLowerCase()));
  const pages = Math.max(1, Math.ceil(domains.length / PAGE_SIZE));
  const page = Math.min(Math.max(Number.parseInt(one(search.page) ?? "1", 10) || 1, 1), pages);
  const shown = domains.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const href = (changes: { type?: DomainType; page?: number; q?: string; all?: boolean }) => {
    const t = changes.type ?? type;
    const params = new URLSearchParams({ type: t });
    const query = changes.q ?? (changes.type ? "" : q);
    if (query) params.set("q", query);
    if ((changes.all ?? (changes.type ? false : allDevices)) && t === "device") params.set("all", "1");
    if (changes.page !== undefined && changes.page > 1) params.set("page", String(changes.page));
    return `/domains?${params}`;
  };

  return (
    <div className="space-y-4">
      <PageHeader
        title="Failure domains"
        description="Everything whose single failure takes hosts down together: who is inside each one, and which services it would hurt."
      >
        <Link href="/what-if" className="text-sm text-accent hover:underline">
          What if several fail together…
        </Link>
      </PageHeader>

      <nav aria-label="Domain types" className="flex flex-wrap gap-1 border-b border-line">
        {DOMAIN_TYPES.map((t) => {
          const current = t === type;
          return (
            <Link
              key={t}
              href={href({ type: t })}
              aria-current={current ? "page" : undefined}
              className={`-mb-px rounded-t-md border px-3 py-1.5 text-[13px] ${current ? "border-line border-b-surface bg-surface font-medium text-fg" : "border-transparent text-muted hover:text-fg"}`}
            >
              {TYPE_TITLES[t]}
            </Link>
          );
        })}
      </nav>

      <form method="get" action="/domains" className="flex flex-wrap items-end gap-2" aria-label="Filter domains">
        <input type="hidden" name="type" value={type} />
        {allDevices && type === "device" ? <input type="hidden" name="all" value="1" /> : null}
        <label className="flex flex-col gap-1">
          <span className="text-xs text-muted">Filter {TYPE_TITLES[type].toLowerCase()}</span>
          <input
            name="q"
            defaultValue={q}
            placeholder={type === "device" ? "tor-a01" : type === "cabinet" ? "A0" : ""}
            className="w-64 rounded-md border border-line-strong bg-surface px-2.5 py-1.5 font-mono text-[13px]"
          />
        </label>
        <button type="submit" className="rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm hover:bg-surface-2">
          Filter
        </button>
        {q ? (
          <Link href={href({ q: "", page: 1 })} className="px-1 py-1.5 text-sm text-muted hover:text-fg">
            Clear
          </Link>
        ) : null}
        <p className="ml-auto text-xs text-muted">
          {plural(domains.length, DOMAIN_TYPE_LABELS[type])}
          {type === "device" ? (
            allDevices ? (
              <>
                {" "}
                ·{" "}
                <Link href={href({ all: false, page: 1 })} className="text-accent hover:underline">
                  only switches and chassis
                </Link>
              </>
            ) : (
              <>
                {" "}
                others depend on ·{" "}
                <Link href={href({ all: true, page: 1 })} className="text-accent hover:underline">
                  every device
                </Link>
              </>
            )
          ) : null}
        </p>
      </form>

      {shown.length === 0 ? (
        <EmptyState title={q ? "Nothing matches the filter" : `No ${TYPE_TITLES[type].toLowerCase()} recorded`} />
      ) : (
        <DataTable label={TYPE_TITLES[type]}>
          <thead>
            <tr>
              <th scope="col">Domain</th>
              <th scope="col">Hosts</th>
              <th scope="col">If it fails</th>
              <th scope="col">Services it hurts</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((domain) => (
              <DomainRow key={domain.ref} index={index} domain={domain} />
            ))}
          </tbody>
        </DataTable>
      )}

      {pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          {page > 1 ? (
            <Link href={href({ page: page - 1 })} className="text-accent hover:underline">
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted">
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link href={href({ page: page + 1 })} className="text-accent hover:underline">
              Next →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}

function DomainRow({ index, domain }: { index: SnapshotIndex; domain: ResolvedDomain }) {
  const hosts = hostsOfDomain(index, domain);
  const impact = computeImpact(index, [domain]);
  const hurt = impact.services.filter((s) => s.state !== "ok").sort((a, b) => (a.state === b.state ? 0 : a.state === "outage" ? -1 : 1));
  const listed = hosts.slice(0, HOSTS_LISTED);
  return (
    <tr>
      <td className="whitespace-nowrap">
        <DomainRef domainRef={domain.ref} />
      </td>
      <td className="min-w-48">
        {hosts.length === 0 ? (
          <span className="text-muted">none</span>
        ) : (
          <details>
            <summary className="cursor-pointer">
              <span className="tabular-nums">{plural(hosts.length, "host")}</span>{" "}
              <span className="text-xs text-muted">{DOMAIN_HOSTS_RELATION[domain.type]}</span>
            </summary>
            <ul className="mt-1 flex max-w-xl flex-wrap gap-x-2 gap-y-0.5">
              {listed.map((node) => (
                <li key={node.device.id}>
                  <Link href={deviceHref(node.device.hostname)} className="font-mono text-[12px] text-accent hover:underline">
                    {node.device.hostname}
                  </Link>
                </li>
              ))}
              {hosts.length > listed.length ? <li className="text-xs text-muted">and {formatNumber(hosts.length - listed.length)} more</li> : null}
            </ul>
          </details>
        )}
      </td>
      <td className="whitespace-nowrap">
        <Link href={whatIfHref([domain.ref])} className="group block">
          <span className={impact.down.length > 0 ? "font-medium text-danger" : "text-muted"}>{formatNumber(impact.down.length)} down</span>
          <span className="text-muted"> · </span>
          <span className={impact.degraded.length > 0 ? "text-warn" : "text-muted"}>{formatNumber(impact.degraded.length)} degraded</span>
          <span className="text-muted"> · </span>
          <span className={impact.needsHands.length > 0 ? "text-danger" : "text-muted"}>{formatNumber(impact.needsHands.length)} need hands</span>
          <span className="block text-xs text-accent group-hover:underline">see the impact →</span>
        </Link>
      </td>
      <td>
        {hurt.length === 0 ? (
          <span className="text-muted">none</span>
        ) : (
          <ul className="flex flex-wrap gap-x-3 gap-y-1">
            {hurt.slice(0, SERVICES_LISTED).map((service) => (
              <li key={service.name} className="flex items-center gap-1 whitespace-nowrap">
                <Link href={serviceHref(service.name)} className="text-accent hover:underline">
                  {service.name}
                </Link>
                <ServiceStateBadge state={service.state} />
              </li>
            ))}
            {hurt.length > SERVICES_LISTED ? (
              <li className="text-xs text-muted">
                and {formatNumber(hurt.length - SERVICES_LISTED)} more (
                {formatNumber(hurt.filter((s) => s.state === "outage").length)} in outage)
              </li>
            ) : null}
          </ul>
        )}
      </td>
    </tr>
  );
}
