"use client";

import { useActionState } from "react";
import { FormError, SelectField, SubmitButton, TextArea, TextField } from "@/components/ui/form";

export type CreateFormState = { errors: Record<string, string>; values?: Record<string, string> };

// `multiline`: a text area of that many rows; `options`: a list to choose from; `checkbox`: on/off
export type CreateField = {
  name: string;
  label: string;
  multiline?: number;
  options?: { value: string; label: string }[];
  checkbox?: boolean;
  hint?: string;
};

// The form of a new object: the fields of its edit form without a version; `hidden` carries what
// the page fixed (the site a room goes in). A refusal keeps what was typed and says why.
export function CreateForm({
  action: serverAction,
  fields,
  initial = {},
  hidden = {},
  submitLabel,
}: {
  action: (state: CreateFormState, form: FormData) => Promise<CreateFormState>;
  fields: CreateField[];
  initial?: Record<string, string>;
  hidden?: Record<string, string>;
  submitLabel: string;
}) {
  const [state, action] = useActionState<CreateFormState, FormData>(serverAction, { errors: {} });
  const shown = state.values ?? initial;
  const e = state.errors;
  return (
    <form action={action} noValidate className="max-w-xl space-y-3 rounded-md border border-line bg-surface p-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormError id="create-form-error" message={e.form} />
      {fields.map((f) =>
        f.checkbox ? (
          <label key={f.name} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={f.name} defaultChecked={shown[f.name] === "on"} className="accent-accent focus-visible:ring-2 focus-visible:ring-accent/50" />
            {f.label}
          </label>
        ) : f.options ? (
          // keyed by its value: React does not move a select's default on re-render, and the reset
          // after a refused submit would otherwise show the first choice instead of the one sent
          <SelectField key={`${f.name}:${shown[f.name] ?? ""}`} name={f.name} label={f.label} defaultValue={shown[f.name]} error={e[f.name]} options={f.options} />
        ) : f.multiline ? (
          <TextArea key={f.name} name={f.name} label={f.label} rows={f.multiline} defaultValue={shown[f.name]} error={e[f.name]} hint={f.hint} />
        ) : (
          <TextField key={f.name} name={f.name} label={f.label} defaultValue={shown[f.name]} error={e[f.name]} hint={f.hint} spellCheck={false} />
        ),
      )}
      <SubmitButton pendingLabel="Creating…">{submitLabel}</SubmitButton>
    </form>
  );
}
