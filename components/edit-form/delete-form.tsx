"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormError } from "@/components/ui/form";

export type DeleteFormState = { error: string | null; names?: string[] };

// A delete button that asks first, and shows the refusal with the objects in the way (as links
// when `linkPrefix` is given: "/devices/" + hostname).
export function DeleteForm({
  action: serverAction,
  id,
  version,
  label,
  question,
  linkPrefix,
}: {
  action: (state: DeleteFormState, form: FormData) => Promise<DeleteFormState>;
  id: number;
  version: number;
  label: string;
  question: string;
  linkPrefix?: string;
}) {
  const [state, action] = useActionState<DeleteFormState, FormData>(serverAction, { error: null });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormError id={`delete-${id}-error`} message={state.error ?? undefined} />
      {state.names?.length ? (
        <ul aria-label="In the way" className="flex flex-wrap gap-x-3 gap-y-1 text-[13px]">
          {state.names.map((name) => (
            <li key={name} className="font-mono">
              {linkPrefix ? (
                <Link href={`${linkPrefix}${encodeURIComponent(name)}`} className="text-accent hover:underline">
                  {name}
                </Link>
              ) : (
                name
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmButton
        question={question}
        className="rounded-md border border-danger/40 px-3 py-1.5 text-sm font-medium text-danger outline-none hover:bg-danger-soft focus-visible:ring-2 focus-visible:ring-danger/40"
      >
        {label}
      </ConfirmButton>
    </form>
  );
}
