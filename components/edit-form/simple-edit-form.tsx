"use client";

import { useActionState } from "react";
import { FormError, SubmitButton, TextArea, TextField } from "@/components/ui/form";
import { StaleNotice } from "./stale-notice";

export type EditFormState = {
  errors: Record<string, string>;
  values?: Record<string, string>;
  stale?: { message: string; current: Record<string, string> };
};

// `multiline`: a text area of that many rows
export type EditField = { name: string; label: string; multiline?: number; hint?: string };

// The edit form of an object made only of text fields (a site, a room): the version it was opened
// at travels in a hidden field; a stale save shows who changed it and the values now.
export function SimpleEditForm({
  action: serverAction,
  id,
  version,
  fields,
  initial,
  submitLabel,
}: {
  action: (state: EditFormState, form: FormData) => Promise<EditFormState>;
  id: number;
  version: number;
  fields: EditField[];
  initial: Record<string, string>;
  submitLabel: string;
}) {
  const [state, action] = useActionState<EditFormState, FormData>(serverAction, { errors: {} });
  const shown = state.values ?? initial;
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  return (
    <form action={action} noValidate className="max-w-xl space-y-3 rounded-md border border-line bg-surface p-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={state.values?.version ?? version} />
      <FormError id={`edit-${id}-error`} message={state.errors.form} />
      {state.stale ? <StaleNotice message={state.stale.message} current={state.stale.current} labels={labels} /> : null}
      {fields.map((f) =>
        f.multiline ? (
          <TextArea key={f.name} name={f.name} label={f.label} rows={f.multiline} defaultValue={shown[f.name]} error={state.errors[f.name]} hint={f.hint} />
        ) : (
          <TextField key={f.name} name={f.name} label={f.label} defaultValue={shown[f.name]} error={state.errors[f.name]} hint={f.hint} />
        ),
      )}
      <div className="flex items-center gap-3">
        <SubmitButton pendingLabel="Saving…">{state.stale ? "Save mine anyway" : submitLabel}</SubmitButton>
        {state.stale ? <span className="text-sm text-muted">or reload the page to start from the current values</span> : null}
      </div>
    </form>
  );
}
