"use client";

import { useActionState } from "react";
import { FormError, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { addUser, type UserFormState } from "./actions";

export function AddUserForm() {
  const [state, action] = useActionState<UserFormState, FormData>(addUser, { errors: {} });
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" noValidate>
      <div className="sm:col-span-2 lg:col-span-5">
        <FormError id="add-user-error" message={state.errors.form} />
        {state.created ? <p role="status" className="text-sm text-ok">Created {state.created}.</p> : null}
      </div>
      <TextField label="E-mail" name="email" type="email" error={state.errors.email} required />
      <TextField label="Name" name="name" error={state.errors.name} />
      <SelectField label="Role" name="role" defaultValue="viewer" options={[{ value: "viewer", label: "viewer — read" }, { value: "editor", label: "editor — change inventory" }, { value: "admin", label: "admin — users and tokens" }]} />
      <TextField label="Initial password" name="password" type="password" autoComplete="new-password" error={state.errors.password} hint="At least 12 characters." required />
      <div>
        <SubmitButton pendingLabel="Adding…">Add user</SubmitButton>
      </div>
    </form>
  );
}
