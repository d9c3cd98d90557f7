import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateForm, type CreateField } from "@/components/edit-form/create-form";
import { PageHeader } from "@/components/ui/page-header";
import { canEditInventory } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { listSiteChoices } from "@/lib/db/create-places";
import { createRoomAction } from "./actions";

type Props = { searchParams: Promise<{ site?: string | string[] }> };

export const metadata: Metadata = { title: "New room" };

const FIELDS: CreateField[] = [
  { name: "name", label: "Name" },
  { name: "notes", label: "Notes", multiline: 3 },
];

// Opened from a site's page (?site=<id>) the site is fixed; opened from the room list it is chosen.
export default async function NewRoomPage({ searchParams }: Props) {
  const site = (await searchParams).site;
  const siteParam = typeof site === "string" ? site : "";
  await requirePage(canEditInventory, siteParam ? `/rooms/new?site=${encodeURIComponent(siteParam)}` : "/rooms/new");
  const sites = await listSiteChoices();
  const fixed = siteParam ? sites.find((s) => String(s.id) === siteParam) : undefined;
  if (siteParam && !fixed) notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        title={fixed ? `New room in ${fixed.name}` : "New room"}
        breadcrumbs={fixed ? [{ href: `/sites/${fixed.id}`, label: fixed.name }] : [{ href: "/rooms", label: "Rooms" }]}
      />
      <CreateForm
        action={createRoomAction}
        hidden={fixed ? { site_id: String(fixed.id) } : {}}
        fields={fixed ? FIELDS : [{ name: "site_id", label: "Site", options: sites.map((s) => ({ value: String(s.id), label: s.name })) }, ...FIELDS]}
        submitLabel="Create room"
      />
    </div>
  );
}
