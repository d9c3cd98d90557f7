import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteForm } from "@/components/edit-form/delete-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { canEditInventory } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { getNicForEdit, listBondNames } from "@/lib/db/edit-nics";
import { deleteNicAction } from "../../_edit/actions";
import { NicForm } from "../../_edit/nic-form";
import { nicFormValues } from "../../_edit/nic-values";

type Props = { params: Promise<{ hostname: string; id: string }> };

export const metadata: Metadata = { title: "Edit interface" };

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export default async function EditNicPage({ params }: Props) {
  const { hostname: rawHost, id: rawId } = await params;
  const hostname = decodeParam(rawHost);
  await requirePage(canEditInventory, `/devices/${encodeURIComponent(hostname)}/nics/${rawId}/edit`);
  const nic = /^\d{1,9}$/.test(rawId) ? await getNicForEdit({ id: Number(rawId) }) : null;
  // an interface is edited under its own device's address only
  if (!nic || nic.hostname.toLowerCase() !== hostname.toLowerCase()) notFound();
  const bonds = await listBondNames({ hostname: nic.hostname });
  const deviceHref = `/devices/${encodeURIComponent(nic.hostname)}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={
          <>
            Edit <span className="font-mono">{nic.hostname} {nic.name}</span>
          </>
        }
        breadcrumbs={[
          { href: "/devices", label: "Devices" },
          { href: deviceHref, label: nic.hostname },
        ]}
      />
      <NicForm hostname={nic.hostname} id={nic.id} version={nic.version} initial={nicFormValues(nic)} bonds={bonds} submitLabel="Save interface" />
      <Section id="delete" title="Delete">
        <div className="max-w-xl rounded-md border border-line bg-surface p-4">
          <DeleteForm
            action={deleteNicAction}
            id={nic.id}
            version={nic.version}
            label={`Delete ${nic.name}`}
            question={`Delete ${nic.hostname} ${nic.name}? A cable on it is deleted too; a bond's members stay, outside any bond.`}
          />
        </div>
      </Section>
    </div>
  );
}
