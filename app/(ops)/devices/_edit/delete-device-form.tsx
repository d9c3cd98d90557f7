"use client";

import { useActionState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormError } from "@/components/ui/form";
import { deleteDeviceAction } from "./actions";
import type { DeleteState } from "./form-state";

export function DeleteDeviceForm({ id, version, hostname }: { id: number; version: number; hostname: string }) {
  const [state, action] = useActionState<DeleteState, FormData>(deleteDeviceAction, { error: null });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormError id="delete-device-error" message={state.error ?? undefined} />
      <ConfirmButton
        question={`Delete ${hostname}? Its interfaces, cables, power and service memberships go with it.`}
        className="rounded-md border border-danger/40 px-3 py-1.5 text-sm font-medium text-danger outline-none hover:bg-danger-soft focus-visible:ring-2 focus-visible:ring-danger/40"
      >
        Delete {hostname}
      </ConfirmButton>
    </form>
  );
}
