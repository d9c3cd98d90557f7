import type { Metadata } from "next";
import { CreateForm } from "@/components/edit-form/create-form";
import { PageHeader } from "@/components/ui/page-header";
import { canEditInventory } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { createSiteAction } from "./actions";

export const metadata: Metadata = { title: "New site" };

export default async function NewSitePage() {
  await requirePage(canEditInventory, "/sites/new");
  return (
    <div className="space-y-6">
      <PageHeader title="New site" description="Rooms and cabinets are added on the site's page once it exists." breadcrumbs={[{ href: "/sites", label: "Sites" }]} />
      <CreateForm
        action={createSiteAction}
        fields={[
          { name: "name", label: "Name" },
          { name: "address", label: "Address", multiline: 3 },
          { name: "remote_hands_phone", label: "Remote-hands phone" },
          { name: "remote_hands_email", label: "Remote-hands e-mail" },
          { name: "access_notes", label: "Access notes", multiline: 3 },
        ]}
        submitLabel="Create site"
      />
    </div>
  );
}
