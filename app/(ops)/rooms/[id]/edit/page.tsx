import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteForm } from "@/components/edit-form/delete-form";
import { SimpleEditForm } from "@/components/edit-form/simple-edit-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { canEditInventory } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { getRoomForEdit } from "@/lib/db/edit-rooms";
import { deleteRoomAction, updateRoomAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Edit room" };

export default async function EditRoomPage({ params }: Props) {
  const rawId = (await params).id;
  await requirePage(canEditInventory, `/rooms/${rawId}/edit`);
  const room = /^\d{1,9}$/.test(rawId) ? await getRoomForEdit({ id: Number(rawId) }) : null;
  if (!room) notFound();
  const label = `${room.site}/${room.name}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Edit room ${label}`}
        breadcrumbs={[
          { href: `/sites/${room.siteId}`, label: room.site },
          { href: `/rooms/${room.id}`, label: room.name },
        ]}
      />
      <SimpleEditForm
        action={updateRoomAction}
        id={room.id}
        version={room.version}
        fields={[
          { name: "name", label: "Name" },
          { name: "notes", label: "Notes", multiline: 3 },
        ]}
        initial={{ name: room.name, notes: room.notes }}
        submitLabel="Save room"
      />
      <Section id="delete" title="Delete">
        <div className="max-w-xl rounded-md border border-line bg-surface p-4">
          <p className="mb-2 text-sm text-muted">Only a room without cabinets can be deleted.</p>
          <DeleteForm action={deleteRoomAction} id={room.id} version={room.version} label={`Delete room ${label}`} question={`Delete room ${label}?`} />
        </div>
      </Section>
    </div>
  );
}
