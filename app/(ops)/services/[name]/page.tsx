import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DomainRef } from "@/components/failure/domain-ref";
import { deviceHref, serviceHref, whatIfHref } from "@/components/failure/links";
import { placeOfNode } from "@/components/failure/place";
import { FailureSection } from "@/components/failure/section";
import { ServiceStateBadge } from "@/components/failure/service-state-badge";
import { Badge, DeviceStatusBadge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { canEditInventory, canRead } from "@/lib/auth/permissions";
import { getViewer, requirePage } from "@/lib/auth/viewer";
import { loadServiceSnapshot } from "@/lib/db/failure-snapshot";
import { getServiceInfo } from "@/lib/db/services";
import { currentImpact } from "@/lib/domain/current-state";
import { DOMAIN_GROUPS, domainTypeOfRef } from "@/lib/domain/failure-domain";
import { compareNatural } from "@/lib/domain/failure-snapshot";
import { serviceSpofs, sharedDomains, spreadAdvice, type SharedDomain, type SpofEntry } from "@/lib/domain/spof";

type Params = { name: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: `Service ${(await params).name}` };
}

// the member-by-domain grid stays readable up to this many members; bigger services get a list
const MATRIX_MAX_MEMBERS = 16;
// hostnames listed per shared domain of a big service
const NAMES_LISTED = 40;

export default async function ServicePage({ params }: { params: Promise<Params> }) {
  await connection();
  const { name } = await params;
  await requirePage(canRead, serviceHref(name));
  // a snapshot scoped to the members, their chassis and their switches: exact for SPOFs and state, and
  // cheap on a large inventory
  const [info, index] = await Promise.all([getServiceInfo({ name }), loadServiceSnapshot(name)]);
  if (info === null || index === null) notFound();
  const service = index.serviceByName.get(name);
  if (service === undefined) notFound();

  const spofs = serviceSpofs(index, service);
  const shared = sharedDomains(index, service);
  const advice = spreadAdvice(index, service);
  const now = currentImpact(index).services.find((s) => s.name === name);
  const spofRefs = new Set(spofs.spofs.map((s) => s.ref));
  const members = service.members
    .map((m) => ({ role: m.role, node: index.nodeByDeviceId.get(m.deviceId)! }))
    .sort((a, b) => compareNatural(a.node.device.hostname, b.node.device.hostname));
  const down = new Set(now?.down ?? []);
  const degraded = new Set(now?.degraded ?? []);

  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumbs={[{ href: "/services", label: "Services" }]}
        title={
          <span className="flex flex-wrap items-center gap-2">
            {name}
            <ServiceStateBadge state={now?.state ?? spofs.state} />
          </span>
        }
        description={
          <>
            {info.description ? <span className="block">{info.description}</span> : null}
            <span className="tabular-nums">
              {now?.up ?? spofs.total} of {plural(spofs.total, "member")} up; the service needs {info.minUp}.
            </span>
          </>
        }
      >
        {members.length > 0 ? (
          <Link href={whatIfHref(members.map((m) => `device:${m.node.device.hostname}`))} className="text-sm text-accent hover:underline">
            What if every member fails?
          </Link>
        ) : null}
        {canEditInventory(await getViewer()) ? (
          <Link href={`${serviceHref(name)}/edit`} className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2">
            Edit service
          </Link>
        ) : null}
      </PageHeader>

      <FailureSection id="members" title="Members" count={members.length}>
        {members.length === 0 ? (
          <p className="text-muted">No members.</p>
        ) : (
          <DataTable label="Members">
            <thead>
              <tr>
                <th scope="col">Host</th>
                <th scope="col">Role</th>
                <th scope="col">Model</th>
                <th scope="col">Where</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {members.map(({ role, node }) => (
                <tr key={node.device.id}>
                  <td>
                    <Link href={deviceHref(node.device.hostname)} className="font-mono text-[12.5px] font-semibold text-accent hover:underline">
                      {node.device.hostname}
                    </Link>
                  </td>
                  <td>{role || <span className="text-muted">—</span>}</td>
                  <td>{node.model.name}</td>
                  <td className="whitespace-nowrap">{placeOfNode(node)}</td>
                  <td className="space-x-1 whitespace-nowrap">
                    <DeviceStatusBadge status={node.device.status} />
                    {down.has(node.device.hostname) ? <Badge tone="danger">down now</Badge> : null}
                    {degraded.has(node.device.hostname) ? <Badge tone="warn">degraded now</Badge> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </FailureSection>

      <FailureSection id="spofs" title="Single points of failure" count={spofs.spofs.length > 0 ? spofs.spofs.length : undefined}>
        {spofs.state === "outage" && spofs.spofs.length === 0 ? (
          <p className="text-danger">The service has fewer members than the {info.minUp} it needs: it is in outage with nothing failed.</p>
        ) : spofs.spofs.length === 0 ? (
          <p className="rounded-md border border-ok/30 bg-ok-soft px-3 py-2.5 text-ok">
            None: no single cabinet, switch, feed, source, driver or model takes out more members than the service can lose.
          </p>
        ) : (
          <div className="grid gap-3 md:grid-cols-2">
            <SpofList title="Physical" hint="a place, a power feed or source, a chassis or switch, a member itself" spofs={spofs.spofs.filter((s) => s.group === "physical")} />
            <SpofList title="Fleet-wide" hint="every box of a kind, wherever it is: a NIC driver, a model" spofs={spofs.spofs.filter((s) => s.group === "fleet")} />
          </div>
        )}
      </FailureSection>

      <FailureSection id="shared" title="Which members share which domains" count={shared.length > 0 ? plural(shared.length, "shared domain") : undefined}>
        {shared.length === 0 ? (
          <p className="text-muted">No two members share a failure domain.</p>
        ) : members.length <= MATRIX_MAX_MEMBERS ? (
          <SharedMatrix shared={shared} hostnames={members.map((m) => m.node.device.hostname)} spofRefs={spofRefs} />
        ) : (
          <SharedList shared={shared} total={members.length} spofRefs={spofRefs} />
        )}
      </FailureSection>

      <FailureSection id="advice" title="Spread">
        {advice.length === 0 ? (
          <p className="text-muted">Members are spread: no two share a chassis or a cabinet.</p>
        ) : (
          <ul className="space-y-1.5" aria-label="Spread advice">
            {advice.map((sentence) => (
              <li key={sentence} className="rounded-md border border-warn/30 bg-warn-soft px-3 py-2 text-fg">
                {sentence}
              </li>
            ))}
          </ul>
        )}
      </FailureSection>
    </div>
  );
}

function SpofList({ title, hint, spofs }: { title: string; hint: string; spofs: readonly SpofEntry[] }) {
  return (
    <div className="rounded-md border border-line bg-surface">
      <h3 className="border-b border-line px-3 py-2 text-sm font-semibold">
        {title} <span className="text-xs font-normal text-muted">— {hint}</span>
      </h3>
      {spofs.length === 0 ? (
        <p className="px-3 py-2 text-muted">None.</p>
      ) : (
        <ul className="divide-y divide-line">
          {spofs.map((spof) => (
            <li key={spof.ref} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-1.5">
              <DomainRef domainRef={spof.ref} />
              <span className="text-xs text-muted">
                takes down {spof.members.length <= 3 ? spof.members.join(", ") : plural(spof.members.length, "member")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SharedMatrix({ shared, hostnames, spofRefs }: { shared: readonly SharedDomain[]; hostnames: readonly string[]; spofRefs: ReadonlySet<string> }) {
  return (
    <DataTable label="Shared failure domains by member">
      <thead>
        <tr>
          <th scope="col">Domain</th>
          {hostnames.map((hostname) => (
            <th key={hostname} scope="col" className="text-center font-mono">
              {hostname}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shared.map((domain) => {
          const holders = new Set(domain.members);
          return (
            <tr key={domain.ref}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal">
                <span className="flex flex-wrap items-center gap-1.5">
                  <DomainRef domainRef={domain.ref} />
                  {spofRefs.has(domain.ref) ? <Badge tone="danger">SPOF</Badge> : null}
                  {DOMAIN_GROUPS[domainTypeOfRef(domain.ref)] === "fleet" ? <span className="text-xs text-muted">fleet-wide</span> : null}
                </span>
              </th>
              {hostnames.map((hostname) => (
                <td key={hostname} className="text-center">
                  {holders.has(hostname) ? (
                    <span aria-label={`${hostname} depends on it`} className={spofRefs.has(domain.ref) ? "text-danger" : "text-fg"}>
                      ●
                    </span>
                  ) : (
                    <span aria-label={`${hostname} does not`} className="text-line-strong">
                      ·
                    </span>
                  )}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}

function SharedList({ shared, total, spofRefs }: { shared: readonly SharedDomain[]; total: number; spofRefs: ReadonlySet<string> }) {
  return (
    <DataTable label="Shared failure domains">
      <thead>
        <tr>
          <th scope="col">Domain</th>
          <th scope="col">Members depending on it</th>
        </tr>
      </thead>
      <tbody>
        {shared.map((domain) => (
          <tr key={domain.ref}>
            <td className="whitespace-nowrap">
              <span className="flex flex-wrap items-center gap-1.5">
                <DomainRef domainRef={domain.ref} />
                {spofRefs.has(domain.ref) ? <Badge tone="danger">SPOF</Badge> : null}
              </span>
            </td>
            <td>
              <span className="tabular-nums">
                {domain.members.length} of {total}
              </span>
              {domain.members.length < total ? (
                <details className="inline-block pl-2 align-top">
                  <summary className="cursor-pointer text-xs text-accent">which</summary>
                  <span className="flex flex-wrap gap-x-2 font-mono text-[12px]">
                    {domain.members.slice(0, NAMES_LISTED).map((hostname) => (
                      <Link key={hostname} href={deviceHref(hostname)} className="text-accent hover:underline">
                        {hostname}
                      </Link>
                    ))}
                    {domain.members.length > NAMES_LISTED ? (
                      <span className="font-sans text-xs text-muted">and {domain.members.length - NAMES_LISTED} more</span>
                    ) : null}
                  </span>
                </details>
              ) : (
                <span className="pl-2 text-xs text-muted">all of them</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
