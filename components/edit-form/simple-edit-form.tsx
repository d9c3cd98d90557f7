"use client";

import { useActionState, useId } from "react";
import { FormError, SubmitButton, TextField } from "@/components/ui/form";
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

function TextArea({
  name,
  label,
  rows,
  defaultValue,
  error,
  hint,
}: {
  name: string;
  label: string;
  rows: number;
  defaultValue?: string;
  error?: string;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block w-full rounded-md border border-line-strong bg-surface px-2.5 py-1.5 text-sm outline-none focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/40"
      />
      {hint && !error ? <p className="text-xs text-muted">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
