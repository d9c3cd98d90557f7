"use client";

import { useActionState } from "react";
import type { DeleteFormState } from "@/components/edit-form/delete-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { disconnectNicAction } from "./actions";

// The "disconnect" of a cabled Nic in the Network table: asks first; the cable id is the one shown,
// so a cable put in since is never taken out unseen.
export function DisconnectForm({ nicId, cableId, question }: { nicId: number; cableId: number; question: string }) {
  const [state, action] = useActionState<DeleteFormState, FormData>(disconnectNicAction, { error: null });
  return (
    <form action={action} className="ml-2 inline">
      <input type="hidden" name="id" value={nicId} />
      <input type="hidden" name="cable_id" value={cableId} />
      <ConfirmButton question={question} className="font-sans text-xs text-danger hover:underline">
        disconnect
      </ConfirmButton>
      {state.error ? (
        <span role="alert" className="ml-2 font-sans text-xs text-danger">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
