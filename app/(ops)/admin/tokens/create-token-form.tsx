"use client";

import { useActionState } from "react";
import { FormError, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { createToken, type TokenFormState } from "./actions";

export function CreateTokenForm() {
  const [state, action] = useActionState<TokenFormState, FormData>(createToken, { errors: {} });
  return (
    <div className="space-y-3">
      {state.token ? (
        <div role="status" className="rounded-md border border-ok/40 bg-ok-soft p-3 text-sm">
          <p className="font-medium">Token “{state.name}” created. Copy it now: it is not shown again.</p>
          <input
            readOnly
            aria-label="New API token"
            value={state.token}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-2 w-full rounded border border-line-strong bg-surface px-2 py-1 font-mono text-xs"
          />
          <p className="mt-1 text-xs text-muted">Use it as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
        </div>
      ) : null}
      <form action={action} className="grid gap-3 sm:grid-cols-3 sm:items-end" noValidate>
        <div className="sm:col-span-3">
          <FormError id="token-error" message={state.errors.form} />
        </div>
        <TextField label="Name" name="name" placeholder="nagios-sync" error={state.errors.name} required />
        <SelectField label="Role" name="role" defaultValue="viewer" options={[{ value: "viewer", label: "viewer" }, { value: "editor", label: "editor" }, { value: "admin", label: "admin" }]} />
        <div>
          <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
        </div>
      </form>
    </div>
  );
}
