"use client";

import { useActionState } from "react";
import { FormError, SubmitButton } from "@/components/ui/form";
import { createWorkOrderFromScenario, type HandsWorkOrderState } from "./actions";

export function CreateWorkOrderForm({ refs, count }: { refs: readonly string[]; count: number }) {
  const [state, action] = useActionState<HandsWorkOrderState, FormData>(createWorkOrderFromScenario, { error: null });
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      {refs.map((ref) => (
        <input key={ref} type="hidden" name="f" value={ref} />
      ))}
      <SubmitButton pendingLabel="Creating work order…">
        {count === 1 ? "Create work order from the host that needs hands" : `Create work order from the ${count} hosts that need hands`}
      </SubmitButton>
      <FormError id="hands-work-order-error" message={state.error ?? undefined} />
    </form>
  );
}
