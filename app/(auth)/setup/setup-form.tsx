"use client";

import { useActionState } from "react";
import { FormError, SubmitButton, TextField } from "@/components/ui/form";
import { createFirstAdmin, type SetupState } from "./actions";

export function SetupForm() {
  const [state, action] = useActionState<SetupState, FormData>(createFirstAdmin, { errors: {} });
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError id="setup-error" message={state.errors.form} />
      <TextField label="Setup token" name="setupToken" autoComplete="off" spellCheck={false} error={state.errors.setupToken} hint="Printed in the server's console when it started." required autoFocus />
      <TextField label="Your e-mail" name="email" type="email" autoComplete="username" defaultValue={state.values?.email} error={state.errors.email} required />
      <TextField label="Your name" name="name" autoComplete="name" defaultValue={state.values?.name} error={state.errors.name} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" error={state.errors.password} hint="At least 12 characters." required />
      <SubmitButton pendingLabel="Creating…">Create admin account</SubmitButton>
    </form>
  );
}
