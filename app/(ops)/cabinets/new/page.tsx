import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateForm, type CreateField } from "@/components/edit-form/create-form";
import { PageHeader } from "@/components/ui/page-header";
import { canEditInventory } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { getRoomChoice, listRoomChoices } from "@/lib/db/create-places";
import { createCabinetAction } from "./actions";

type Props = { searchParams: Promise<{ room?: string | string[] }> };

export const metadata: Metadata = { title: "New cabinet" };

const FIELDS: CreateField[] = [
  { name: "cabinet", label: "Name" },
  { name: "height_u", label: "Height (U)" },
  {
    name: "power_feeds",
    label: "Power feeds",
    hint: "FEED:SOURCE pairs, like A:UPS-1;B:UPS-2, as in cabinets.csv. A source the site does not have yet is created.",
  },
  { name: "notes", label: "Notes", multiline: 3 },
];

// Opened from a room's page (?room=<id>) the room is fixed; opened from the cabinet list it is chosen.
export default async function NewCabinetPage({ searchParams }: Props) {
  const room = (await searchParams).room;
  const roomParam = typeof room === "string" ? room : "";
  await requirePage(canEditInventory, roomParam ? `/cabinets/new?room=${encodeURIComponent(roomParam)}` : "/cabinets/new");
  const fixed = roomParam ? (/^\d{1,9}$/.test(roomParam) ? await getRoomChoice({ id: Number(roomParam) }) : null) : undefined;
  if (fixed === null) notFound();
  const rooms = fixed ? [] : await listRoomChoices();
  return (
    <div className="space-y-6">
      <PageHeader
        title={fixed ? `New cabinet in ${fixed.site}/${fixed.name}` : "New cabinet"}
        breadcrumbs={fixed ? [{ href: `/rooms/${fixed.id}`, label: `${fixed.site}/${fixed.name}` }] : [{ href: "/cabinets", label: "Cabinets" }]}
      />
      <CreateForm
        action={createCabinetAction}
        hidden={fixed ? { room_id: String(fixed.id) } : {}}
        fields={fixed ? FIELDS : [{ name: "room_id", label: "Room", options: rooms.map((r) => ({ value: String(r.id), label: `${r.site}/${r.name}` })) }, ...FIELDS]}
        initial={{ height_u: "42" }}
        submitLabel="Create cabinet"
      />
    </div>
  );
}
