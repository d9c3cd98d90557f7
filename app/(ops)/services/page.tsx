import type { Metadata } from "next";
import { connection } from "next/server";
import { DataTable, numericCell } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber, plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { listServices } from "@/lib/db/services";
import { canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  await connection();
  await requirePage(canRead, "/services");
  const services = await listServices();
  return (
    <>
      <PageHeader
        title="Services"
        description="Redundancy groups: hosts that back each other up, and how many must stay up."
      />
      {services.length === 0 ? (
        <EmptyState title="No services yet">
          <p>A service groups the hosts that back each other up, such as a database master, slave and backup.</p>
        </EmptyState>
      ) : (
        <DataTable label="Services">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col" className={numericCell}>Min up</th>
              <th scope="col" className={numericCell}>Members</th>
              <th scope="col">Hosts</th>
            </tr>
          </thead>
          <tbody>
            {services.map((service) => (
              <tr key={service.id}>
                <td className="min-w-48">
                  <div className="font-semibold">{service.name}</div>
                  {service.description ? <div className="text-xs text-muted">{service.description}</div> : null}
                </td>
                <td className={numericCell}>{formatNumber(service.minUp)}</td>
                <td className={numericCell}>
                  {formatNumber(service.memberCount)}
                  {service.memberCount < service.minUp ? (
                    <div className="text-xs text-danger">fewer than min up</div>
                  ) : null}
                </td>
                <td>
                  {service.memberCount === 0 ? (
                    <span className="text-muted">no members</span>
                  ) : (
                    <ul className="flex flex-wrap gap-x-3 gap-y-0.5">
                      {service.members.map((member) => (
                        <li key={member.hostname} className="whitespace-nowrap">
                          <span className={`font-mono text-[12.5px] ${member.status === "active" ? "" : "text-warn"}`}>
                            {member.hostname}
                          </span>
                          {member.role ? <span className="text-xs text-muted"> {member.role}</span> : null}
                          {member.status === "active" ? null : (
                            <span className="text-xs text-warn"> ({member.status})</span>
                          )}
                        </li>
                      ))}
                      {service.memberCount > service.members.length ? (
                        <li className="text-muted">and {plural(service.memberCount - service.members.length, "more")}</li>
                      ) : null}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
