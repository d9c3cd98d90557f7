"use client";

import { useActionState } from "react";
import type { EditFormState } from "@/components/edit-form/simple-edit-form";
import { StaleNotice } from "@/components/edit-form/stale-notice";
import { FormError, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { MODEL_KINDS } from "@/lib/schemas/csv-models";
import { updateModelAction } from "./actions";

const LABELS: Record<string, string> = {
  model: "Name",
  manufacturer: "Manufacturer",
  kind: "Kind",
  height_u: "Height (U)",
  full_depth: "Full depth",
  bays: "Bays",
  bay_layout: "Bay layout",
};

export function ModelForm({ id, version, initial }: { id: number; version: number; initial: Record<string, string> }) {
  const [state, action] = useActionState<EditFormState, FormData>(updateModelAction, { errors: {} });
  const shown = state.values ?? initial;
  const e = state.errors;
  return (
    <form action={action} noValidate className="max-w-xl space-y-3 rounded-md border border-line bg-surface p-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={state.values?.version ?? version} />
      <FormError id="model-form-error" message={e.form} />
      {state.stale ? <StaleNotice message={state.stale.message} current={state.stale.current} labels={LABELS} /> : null}
      <div className="grid grid-cols-2 gap-3">
        <TextField label="Name" name="model" defaultValue={shown.model} error={e.model} required />
        <TextField label="Manufacturer" name="manufacturer" defaultValue={shown.manufacturer} error={e.manufacturer} />
        {/* keyed by the value shown: React resets a form after its action but does not move a select's
            default, so a refused save would otherwise show (and then save) the first kind */}
        <SelectField key={`kind:${shown.kind}`} label="Kind" name="kind" defaultValue={shown.kind} error={e.kind} options={MODEL_KINDS.map((k) => ({ value: k, label: k }))} />
        <TextField label="Height (U)" name="height_u" inputMode="numeric" defaultValue={shown.height_u} error={e.height_u} hint="0 for a sled." />
        <TextField label="Bays" name="bays" inputMode="numeric" defaultValue={shown.bays} error={e.bays} hint="Chassis only." />
        <TextField label="Bay layout" name="bay_layout" defaultValue={shown.bay_layout} error={e.bay_layout} hint="COLUMNSxROWS, like 4x2." />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input key={`full_depth:${shown.full_depth}`} type="checkbox" name="full_depth" defaultChecked={shown.full_depth === "on"} className="accent-accent focus-visible:ring-2 focus-visible:ring-accent/50" />
        Full depth (blocks the front and the rear of its units)
      </label>
      <SubmitButton pendingLabel="Saving…">{state.stale ? "Save mine anyway" : "Save model"}</SubmitButton>
    </form>
  );
}
