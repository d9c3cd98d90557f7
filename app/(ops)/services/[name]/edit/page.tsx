import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteForm } from "@/components/edit-form/delete-form";
import { SimpleEditForm } from "@/components/edit-form/simple-edit-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { canEditInventory } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { formatMembers, getServiceForEdit } from "@/lib/db/edit-services";
import { deleteServiceAction, updateServiceAction } from "./actions";

type Props = { params: Promise<{ name: string }> };

export const metadata: Metadata = { title: "Edit service" };

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export default async function EditServicePage({ params }: Props) {
  const name = decodeParam((await params).name);
  const serviceHref = `/services/${encodeURIComponent(name)}`;
  await requirePage(canEditInventory, `${serviceHref}/edit`);
  const service = name.length <= 200 ? await getServiceForEdit({ name }) : null;
  if (!service) notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Edit service ${service.name}`}
        breadcrumbs={[
          { href: "/services", label: "Services" },
          { href: serviceHref, label: service.name },
        ]}
      />
      <SimpleEditForm
        action={updateServiceAction}
        id={service.id}
        version={service.version}
        fields={[
          { name: "service", label: "Name" },
          { name: "description", label: "Description" },
          { name: "min_up", label: "Members that must be up", hint: "The service is in outage below this number." },
          { name: "members", label: "Members", multiline: 8, hint: "One a line: hostname, then its role (master, slave, backup…)." },
        ]}
        initial={{ service: service.name, description: service.description, min_up: String(service.minUp), members: formatMembers(service.members) }}
        submitLabel="Save service"
      />
      <Section id="delete" title="Delete">
        <div className="max-w-xl rounded-md border border-line bg-surface p-4">
          <p className="mb-2 text-sm text-muted">Deletes the group only; its devices stay.</p>
          <DeleteForm action={deleteServiceAction} id={service.id} version={service.version} label={`Delete service ${service.name}`} question={`Delete service ${service.name}? Its devices stay.`} />
        </div>
      </Section>
    </div>
  );
}
