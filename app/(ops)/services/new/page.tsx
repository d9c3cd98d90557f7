import type { Metadata } from "next";
import { CreateForm } from "@/components/edit-form/create-form";
import { PageHeader } from "@/components/ui/page-header";
import { canEditInventory } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { createServiceAction } from "./actions";

export const metadata: Metadata = { title: "New service" };

export default async function NewServicePage() {
  await requirePage(canEditInventory, "/services/new");
  return (
    <div className="space-y-6">
      <PageHeader title="New service" description="A redundancy group: the devices that serve it and how many must stay up." breadcrumbs={[{ href: "/services", label: "Services" }]} />
      <CreateForm
        action={createServiceAction}
        fields={[
          { name: "service", label: "Name" },
          { name: "description", label: "Description" },
          { name: "min_up", label: "Members that must be up", hint: "The service is in outage below this number." },
          { name: "members", label: "Members", multiline: 8, hint: "One a line: hostname, then its role (master, slave, backup…)." },
        ]}
        initial={{ min_up: "1" }}
        submitLabel="Create service"
      />
    </div>
  );
}
