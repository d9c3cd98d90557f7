import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteForm } from "@/components/edit-form/delete-form";
import { SimpleEditForm } from "@/components/edit-form/simple-edit-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { canEditInventory } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { getSiteForEdit } from "@/lib/db/edit-sites";
import { deleteSiteAction, updateSiteAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Edit site" };

export default async function EditSitePage({ params }: Props) {
  const rawId = (await params).id;
  await requirePage(canEditInventory, `/sites/${rawId}/edit`);
  const site = /^\d{1,9}$/.test(rawId) ? await getSiteForEdit({ id: Number(rawId) }) : null;
  if (!site) notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Edit site ${site.name}`}
        description="What the remote-hands page shows a technician: the address, the desk's phone and e-mail, and how to get in."
        breadcrumbs={[
          { href: "/sites", label: "Sites" },
          { href: `/sites/${site.id}`, label: site.name },
        ]}
      />
      <SimpleEditForm
        action={updateSiteAction}
        id={site.id}
        version={site.version}
        fields={[
          { name: "name", label: "Name" },
          { name: "address", label: "Address", multiline: 3 },
          { name: "remote_hands_phone", label: "Remote-hands phone" },
          { name: "remote_hands_email", label: "Remote-hands e-mail" },
          { name: "access_notes", label: "Access notes", multiline: 3 },
        ]}
        initial={{
          name: site.name,
          address: site.address,
          remote_hands_phone: site.remoteHandsPhone,
          remote_hands_email: site.remoteHandsEmail,
          access_notes: site.accessNotes,
        }}
        submitLabel="Save site"
      />
      <Section id="delete" title="Delete">
        <div className="max-w-xl rounded-md border border-line bg-surface p-4">
          <p className="mb-2 text-sm text-muted">Only a site without rooms, cabinets and devices can be deleted.</p>
          <DeleteForm action={deleteSiteAction} id={site.id} version={site.version} label={`Delete site ${site.name}`} question={`Delete site ${site.name}?`} />
        </div>
      </Section>
    </div>
  );
}
