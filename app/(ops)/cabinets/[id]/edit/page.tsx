import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { canEditInventory } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { getCabinetForEdit } from "@/lib/db/edit-cabinets";
import { CabinetForm, DeleteCabinetForm } from "./cabinet-form";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Edit cabinet" };

export default async function EditCabinetPage({ params }: Props) {
  const rawId = (await params).id;
  await requirePage(canEditInventory, `/cabinets/${rawId}/edit`);
  const cabinet = /^\d{1,9}$/.test(rawId) ? await getCabinetForEdit({ id: Number(rawId) }) : null;
  if (!cabinet) notFound();
  const label = `${cabinet.site}/${cabinet.name}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Edit cabinet ${label}`}
        description={`Version ${cabinet.version}: if someone saves it before you do, your save is refused and you see what changed.`}
        breadcrumbs={[
          { href: "/cabinets", label: "Cabinets" },
          { href: `/cabinets/${cabinet.id}`, label: cabinet.name },
        ]}
      />
      <CabinetForm
        id={cabinet.id}
        version={cabinet.version}
        rooms={cabinet.rooms}
        initial={{ cabinet: cabinet.name, room: cabinet.room ?? "", height_u: String(cabinet.heightU), power_feeds: cabinet.powerFeeds, notes: cabinet.notes }}
      />
      <Section id="delete" title="Delete">
        <div className="max-w-xl rounded-md border border-line bg-surface p-4">
          <p className="mb-2 text-sm text-muted">Only an empty cabinet can be deleted; one that holds devices is refused with their list.</p>
          <DeleteCabinetForm id={cabinet.id} version={cabinet.version} label={label} />
        </div>
      </Section>
    </div>
  );
}
