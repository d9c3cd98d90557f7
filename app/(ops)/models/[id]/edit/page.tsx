import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteForm } from "@/components/edit-form/delete-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { canEditInventory } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { getModelForEdit } from "@/lib/db/edit-models";
import { deleteModelAction } from "./actions";
import { ModelForm } from "./model-form";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Edit model" };

export default async function EditModelPage({ params }: Props) {
  const rawId = (await params).id;
  await requirePage(canEditInventory, `/models/${rawId}/edit`);
  const model = /^\d{1,9}$/.test(rawId) ? await getModelForEdit({ id: Number(rawId) }) : null;
  if (!model) notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Edit model ${model.name}`}
        description={`${model.deviceCount} device${model.deviceCount === 1 ? "" : "s"} of this model. A new height or depth applies to all of them, or, where one would not fit, to none.`}
        breadcrumbs={[{ href: "/models", label: "Models" }]}
      />
      <ModelForm
        id={model.id}
        version={model.version}
        initial={{
          model: model.name,
          manufacturer: model.manufacturer,
          kind: model.kind,
          height_u: String(model.heightU),
          bays: String(model.bays),
          bay_layout: model.bayColumns ? `${model.bayColumns}x${model.bayRows}` : "",
          full_depth: model.fullDepth ? "on" : "",
        }}
      />
      <Section id="delete" title="Delete">
        <div className="max-w-xl rounded-md border border-line bg-surface p-4">
          <p className="mb-2 text-sm text-muted">Only a model no device uses can be deleted.</p>
          <DeleteForm
            action={deleteModelAction}
            id={model.id}
            version={model.version}
            label={`Delete model ${model.name}`}
            question={`Delete model ${model.name}?`}
            linkPrefix="/devices/"
          />
        </div>
      </Section>
    </div>
  );
}
