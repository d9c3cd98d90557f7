import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { FailureIndexLoading } from "@/components/failure/index-loading";
import { DomainPicker } from "@/components/failure/domain-picker";
import { DomainRef } from "@/components/failure/domain-ref";
import { deviceHref, serviceHref, whatIfHref } from "@/components/failure/links";
import { FailureSection } from "@/components/failure/section";
import { ServiceStateBadge } from "@/components/failure/service-state-badge";
import { DeviceStatusBadge } from "@/components/ui/badge";
import { DataTable, numericCell } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber, plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { canManageWorkOrders, canRead, type Viewer } from "@/lib/auth/permissions";
import { publicOrigin } from "@/lib/auth/public-origin";
import { requirePage } from "@/lib/auth/viewer";
import { listScenarioSuggestions } from "@/lib/db/failure-domains";
import { getFailureIndex } from "@/lib/db/failure-snapshot";
import { computeImpactForRefs, type Impact, type ImpactedDevice, type NeedsHandsDevice } from "@/lib/domain/impact";
import { scenarioRefs } from "@/lib/schemas/impact";
import { CreateWorkOrderForm } from "./create-work-order-form";

export const metadata: Metadata = { title: "What if" };

// a page stays readable (and light) when a whole site fails; the API returns every row
const ROW_LIMIT = 300;

type Search = Record<string, string | string[] | undefined>;

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

// The permission check runs before anything streams (so its status holds); the rest waits for the index.
export default async function WhatIfPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  const search = await searchParams;
  const asked = scenarioRefs(asList(search.f));
  const viewer = await requirePage(canRead, whatIfHref(asked));
  return (
    <Suspense fallback={<FailureIndexLoading title="What if…" />}>
      <WhatIf asked={asked} viewer={viewer} />
    </Suspense>
  );
}

async function WhatIf({ asked, viewer }: { asked: string[]; viewer: Viewer }) {
  if (asked.length === 0) {
    const suggestions = await listScenarioSuggestions();
    return (
      <div className="space-y-4">
        <Header />
        <Scenario refs={[]} />
        <EmptyState title="Pick what fails">
          <p>
            Add cabinets, switches, power feeds or sources, rooms, NIC drivers or models, alone or together. You will see which
            hosts go down and why, which lose redundancy, which need remote hands, and which services fall into outage.
          </p>
          {suggestions.length > 0 ? (
            <ul className="mt-4 flex flex-wrap justify-center gap-2" aria-label="Example scenarios">
              {suggestions.map((s) => (
                <li key={s.title}>
                  <Link
                    href={whatIfHref(s.refs)}
                    className="block rounded-md border border-line bg-canvas px-3 py-1.5 text-fg hover:border-accent hover:bg-accent-soft"
                  >
                    {s.title}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </EmptyState>
      </div>
    );
  }

  const result = computeImpactForRefs(await getFailureIndex(), asked);
  if (!result.ok) {
    return (
      <div className="space-y-4">
        <Header />
        <Scenario refs={asked} />
        <div role="alert" aria-label="Unknown failure domain" className="rounded-md border border-danger/40 bg-danger-soft px-4 py-3 text-danger">
          <p className="font-medium">
            {result.errors.length === 1 ? "This failure domain does not exist:" : "These failure domains do not exist:"}
          </p>
          <ul className="mt-1 list-disc pl-5">
            {result.errors.map((error) => (
              <li key={error.ref}>{error.message}</li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-fg">Remove it above, or pick one from the suggestions as you type.</p>
        </div>
      </div>
    );
  }

  const { impact } = result;
  const refs = impact.failed;
  return (
    <div className="space-y-5">
      <Header />
      <Scenario refs={refs} shareUrl={`${publicOrigin()}${whatIfHref(refs)}`} />
      <Summary impact={impact} />
      <ServicesHurt impact={impact} />
      <NeedsHands hosts={impact.needsHands} refs={refs} canCreate={canManageWorkOrders(viewer)} />
      <HostTable id="down" title="Down" tone="danger" hosts={impact.down} empty="Nothing goes down." />
      <HostTable id="degraded" title="Degraded" tone="warn" hosts={impact.degraded} empty="Nothing loses redundancy without going down." />
    </div>
  );
}

function Header() {
  return (
    <PageHeader
      title="What if…"
      description="Pick failure domains and see the blast radius: what goes down and why, what loses redundancy, who needs hands, which services are hurt."
    >
      <Link href="/domains" className="text-sm text-accent hover:underline">
        Browse failure domains
      </Link>
    </PageHeader>
  );
}

function Scenario({ refs, shareUrl }: { refs: readonly string[]; shareUrl?: string }) {
  return (
    <section aria-label="Scenario" className="space-y-3 rounded-md border border-line bg-surface p-3">
      {refs.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-xs font-medium text-muted">Failed together:</span>
          <ul className="flex flex-wrap gap-1.5" aria-label="Failed domains">
            {refs.map((ref) => (
              <li key={ref} className="inline-flex items-center gap-0.5 rounded-md bg-danger-soft py-0.5 pr-0.5 pl-1 ring-1 ring-danger/30 ring-inset">
                <DomainRef domainRef={ref} href={null} bare />
                <Link
                  href={whatIfHref(refs.filter((r) => r !== ref))}
                  aria-label={`Remove ${ref}`}
                  title={`Remove ${ref}`}
                  className="rounded px-1.5 text-base leading-none text-danger hover:bg-danger/15"
                >
                  ×
                </Link>
              </li>
            ))}
          </ul>
          <Link href="/what-if" className="ml-1 text-xs text-muted hover:text-fg hover:underline">
            Clear
          </Link>
        </div>
      ) : null}
      {/* remounted per scenario, so the input starts empty after each added domain */}
      <DomainPicker key={refs.join("\u0000")} refs={refs} autoFocus={refs.length === 0} />
      {shareUrl ? (
        <p className="flex flex-wrap items-baseline gap-2 text-xs text-muted">
          <span>Link to this scenario, for a chat or a ticket:</span>
          <code className="rounded bg-surface-2 px-1.5 py-0.5 break-all text-fg">{shareUrl}</code>
        </p>
      ) : null}
    </section>
  );
}

function Summary({ impact }: { impact: Impact }) {
  const outage = impact.services.filter((s) => s.state === "outage").length;
  const atRisk = impact.services.filter((s) => s.state === "at_risk").length;
  const tiles: { label: string; value: number; href: string; tone: string }[] = [
    { label: "Hosts down", value: impact.down.length, href: "#down", tone: "text-danger" },
    { label: "Need hands", value: impact.needsHands.length, href: "#needs-hands", tone: "text-danger" },
    { label: "Degraded", value: impact.degraded.length, href: "#degraded", tone: "text-warn" },
    { label: "Services in outage", value: outage, href: "#services", tone: "text-danger" },
    { label: "Services at risk", value: atRisk, href: "#services", tone: "text-warn" },
  ];
  return (
    <ul aria-label="Impact summary" className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
      {tiles.map((tile) => (
        <li key={tile.label}>
          <a href={tile.href} className="block rounded-md border border-line bg-surface px-3.5 py-2.5 hover:border-accent">
            <span className="block text-xs text-muted">{tile.label}</span>
            <span className={`block text-2xl font-semibold tabular-nums ${tile.value > 0 ? tile.tone : "text-muted"}`}>
              {formatNumber(tile.value)}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function ServicesHurt({ impact }: { impact: Impact }) {
  const hurt = impact.services
    .filter((s) => s.state !== "ok")
    .sort((a, b) => (a.state === b.state ? 0 : a.state === "outage" ? -1 : 1));
  const anyDegraded = hurt.some((s) => s.degraded.length > 0);
  return (
    <FailureSection id="services" title="Services hurt" count={hurt.length > 0 ? `${hurt.length} of ${impact.services.length}` : undefined}>
      {hurt.length === 0 ? (
        <p className="rounded-md border border-line bg-surface px-3 py-2.5 text-muted">
          No service loses a member: all {plural(impact.services.length, "service")} stay ok.
        </p>
      ) : (
        <DataTable label="Services hurt">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">State</th>
              <th scope="col" className={numericCell}>Up</th>
              <th scope="col" className={numericCell}>Min up</th>
              <th scope="col">Members down</th>
              {anyDegraded ? <th scope="col">Members degraded</th> : null}
            </tr>
          </thead>
          <tbody>
            {hurt.map((service) => (
              <tr key={service.name}>
                <td>
                  <Link href={serviceHref(service.name)} className="font-semibold text-accent hover:underline">
                    {service.name}
                  </Link>
                </td>
                <td>
                  <ServiceStateBadge state={service.state} />
                </td>
                <td className={numericCell}>
                  {service.up} / {service.total}
                </td>
                <td className={numericCell}>{service.minUp}</td>
                <td>
                  <HostList hostnames={service.down} />
                </td>
                {anyDegraded ? (
                  <td>
                    <HostList hostnames={service.degraded} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </FailureSection>
  );
}

function HostList({ hostnames }: { hostnames: readonly string[] }) {
  if (hostnames.length === 0) return <span className="text-muted">—</span>;
  const shown = hostnames.slice(0, 12);
  return (
    <span className="flex flex-wrap gap-x-2 gap-y-0.5">
      {shown.map((hostname) => (
        <Link key={hostname} href={deviceHref(hostname)} className="font-mono text-[12.5px] text-accent hover:underline">
          {hostname}
        </Link>
      ))}
      {hostnames.length > shown.length ? <span className="text-xs text-muted">and {hostnames.length - shown.length} more</span> : null}
    </span>
  );
}

function where(host: NeedsHandsDevice): string {
  const parts = [host.room, host.cabinet].filter((p): p is string => p !== null);
  if (host.uLow !== null) parts.push(`U${host.uLow}`);
  return parts.length > 0 ? parts.join(" · ") : host.site ?? "not placed";
}

function NeedsHands({ hosts, refs, canCreate }: { hosts: readonly NeedsHandsDevice[]; refs: readonly string[]; canCreate: boolean }) {
  const shown = hosts.slice(0, ROW_LIMIT);
  return (
    <FailureSection
      id="needs-hands"
      title="Need hands"
      count={hosts.length > 0 ? `${formatNumber(hosts.length)}, in walking order` : undefined}
      actions={
        hosts.length === 0 ? null : canCreate ? (
          <CreateWorkOrderForm refs={refs} count={hosts.length} />
        ) : (
          <p className="text-xs text-muted">An editor can turn this list into a work order.</p>
        )
      }
    >
      {hosts.length === 0 ? (
        <p className="rounded-md border border-line bg-surface px-3 py-2.5 text-muted">
          No host needs hands: every host that goes down keeps power and a working out-of-band path, so it can be power-cycled
          remotely.
        </p>
      ) : (
        <DataTable label="Hosts that need hands">
          <thead>
            <tr>
              <th scope="col" className={numericCell}>#</th>
              <th scope="col">Where</th>
              <th scope="col">Host</th>
              <th scope="col">Why hands</th>
              <th scope="col">Why down</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((host, i) => (
              <tr key={host.hostname}>
                <td className={`${numericCell} text-muted`}>{i + 1}</td>
                <td className="whitespace-nowrap">{where(host)}</td>
                <td className="whitespace-nowrap">
                  <Link href={deviceHref(host.hostname)} className="font-mono text-[12.5px] font-semibold text-accent hover:underline">
                    {host.hostname}
                  </Link>
                  {host.chassis !== null ? (
                    <span className="block text-xs text-muted">
                      {host.chassis} bay {host.bay ?? "?"}
                    </span>
                  ) : null}
                  {host.status !== "active" ? <DeviceStatusBadge status={host.status} /> : null}
                </td>
                <td>{host.handsReasons.join("; ")}</td>
                <td className="text-muted">{host.reasons.join("; ")}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <More shown={shown.length} total={hosts.length} />
    </FailureSection>
  );
}

function HostTable({
  id,
  title,
  hosts,
  empty,
  tone,
}: {
  id: string;
  title: string;
  hosts: readonly ImpactedDevice[];
  empty: string;
  tone: "danger" | "warn";
}) {
  const shown = hosts.slice(0, ROW_LIMIT);
  return (
    <FailureSection id={id} title={title} count={hosts.length > 0 ? formatNumber(hosts.length) : undefined}>
      {hosts.length === 0 ? (
        <p className="rounded-md border border-line bg-surface px-3 py-2.5 text-muted">{empty}</p>
      ) : (
        <DataTable label={`${title} hosts`}>
          <thead>
            <tr>
              <th scope="col">Host</th>
              <th scope="col">Kind</th>
              <th scope="col">{tone === "danger" ? "Why it is down" : "What it lost"}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((host) => (
              <tr key={host.hostname}>
                <td className="whitespace-nowrap">
                  <Link href={deviceHref(host.hostname)} className="font-mono text-[12.5px] font-semibold text-accent hover:underline">
                    {host.hostname}
                  </Link>{" "}
                  {host.status !== "active" ? <DeviceStatusBadge status={host.status} /> : null}
                </td>
                <td className="text-muted">{host.kind}</td>
                <td>
                  <ul>
                    {host.reasons.map((reason) => (
                      <li key={reason} className={tone === "danger" ? "" : "text-warn"}>
                        {reason}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <More shown={shown.length} total={hosts.length} />
    </FailureSection>
  );
}

function More({ shown, total }: { shown: number; total: number }) {
  if (total <= shown) return null;
  return (
    <p className="text-xs text-muted">
      Showing the first {formatNumber(shown)} of {formatNumber(total)}. <code>POST /api/v1/impact</code> returns them all.
    </p>
  );
}
