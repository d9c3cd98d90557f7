"use client";

import { useActionState } from "react";
import { signIn, type SignInState } from "./actions";
import { FormError, SubmitButton, TextField } from "@/components/ui/form";

export function LoginForm({ next }: { next: string }) {
  const [state, action] = useActionState<SignInState, FormData>(signIn, { errors: {} });
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormError id="login-error" message={state.errors.form} />
      <TextField label="E-mail" name="email" type="email" autoComplete="username" defaultValue={state.email} error={state.errors.email} autoFocus required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" error={state.errors.password} required />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
