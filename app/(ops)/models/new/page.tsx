import type { Metadata } from "next";
import { CreateForm } from "@/components/edit-form/create-form";
import { PageHeader } from "@/components/ui/page-header";
import { canEditInventory } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { MODEL_KINDS } from "@/lib/schemas/csv-models";
import { createModelAction } from "./actions";

export const metadata: Metadata = { title: "New model" };

export default async function NewModelPage() {
  await requirePage(canEditInventory, "/models/new");
  return (
    <div className="space-y-6">
      <PageHeader title="New model" description="The columns of models.csv." breadcrumbs={[{ href: "/models", label: "Models" }]} />
      <CreateForm
        action={createModelAction}
        fields={[
          { name: "model", label: "Name" },
          { name: "manufacturer", label: "Manufacturer" },
          { name: "kind", label: "Kind", options: MODEL_KINDS.map((k) => ({ value: k, label: k })) },
          { name: "height_u", label: "Height (U)", hint: "0 for a sled." },
          { name: "bays", label: "Bays", hint: "Chassis only." },
          { name: "bay_layout", label: "Bay layout", hint: "COLUMNSxROWS, like 4x2." },
          { name: "full_depth", label: "Full depth (blocks the front and the rear of its units)", checkbox: true },
        ]}
        initial={{ kind: "server", height_u: "1" }}
        submitLabel="Create model"
      />
    </div>
  );
}
