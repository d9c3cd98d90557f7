"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormError, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { deleteCabinetAction, updateCabinetAction, type CabinetDeleteState, type CabinetFormState } from "./actions";

const LABELS: Record<string, string> = { cabinet: "Name", room: "Room", height_u: "Height (U)", power_feeds: "Power feeds", notes: "Notes" };

function DeviceLinks({ names }: { names?: string[] }) {
  if (!names?.length) return null;
  return (
    <ul aria-label="Devices in the way" className="flex flex-wrap gap-x-3 gap-y-1 text-[13px]">
      {names.map((name) => (
        <li key={name}>
          <Link href={`/devices/${encodeURIComponent(name)}`} className="font-mono text-accent hover:underline">
            {name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function CabinetForm({ id, version, initial, rooms }: { id: number; version: number; initial: Record<string, string>; rooms: string[] }) {
  const [state, action] = useActionState<CabinetFormState, FormData>(updateCabinetAction, { errors: {} });
  const shown = state.values ?? initial;
  const e = state.errors;
  return (
    <form action={action} noValidate className="max-w-xl space-y-3 rounded-md border border-line bg-surface p-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={state.values?.version ?? version} />
      <FormError id="cabinet-form-error" message={e.form} />
      {state.stale ? (
        <div role="alert" aria-label="Changed since you opened it" className="rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm">
          <p className="font-medium text-warn">{state.stale.message}</p>
          <dl className="mt-1 grid grid-cols-[8rem_1fr] gap-x-3 text-[13px]">
            {Object.entries(state.stale.current).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted">{LABELS[k] ?? k}</dt>
                <dd className="font-mono whitespace-pre-line">{v || "—"}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        <TextField label="Name" name="cabinet" defaultValue={shown.cabinet} error={e.cabinet} required spellCheck={false} />
        <TextField label="Height (U)" name="height_u" inputMode="numeric" defaultValue={shown.height_u} error={e.height_u} required />
      </div>
      <DeviceLinks names={e.power_feeds ? undefined : state.names} />
      <SelectField
        // keyed by its value: React does not move a select's default on re-render (see create-form.tsx)
        key={`room:${shown.room ?? ""}`}
        label="Room"
        name="room"
        defaultValue={shown.room ?? ""}
        error={e.room}
        options={[{ value: "", label: "Not in a room" }, ...rooms.map((r) => ({ value: r, label: r }))]}
      />
      <TextField
        label="Power feeds"
        name="power_feeds"
        defaultValue={shown.power_feeds}
        error={e.power_feeds}
        spellCheck={false}
        hint="FEED:SOURCE pairs, like A:UPS-1;B:UPS-2, as in cabinets.csv. A source the site does not have yet is created; a feed devices draw on cannot be removed."
      />
      <DeviceLinks names={e.power_feeds ? state.names : undefined} />
      <div className="space-y-1">
        <label htmlFor="cabinet-notes" className="block text-sm font-medium">
          Notes
        </label>
        <textarea
          id="cabinet-notes"
          name="notes"
          rows={3}
          defaultValue={shown.notes}
          className="block w-full rounded-md border border-line-strong bg-surface px-2.5 py-1.5 text-sm outline-none focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/40"
        />
        {e.notes ? <p className="text-xs text-danger">{e.notes}</p> : null}
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton pendingLabel="Saving…">{state.stale ? "Save mine anyway" : "Save cabinet"}</SubmitButton>
        {state.stale ? <span className="text-sm text-muted">or reload the page to start from the current values</span> : null}
      </div>
    </form>
  );
}

export function DeleteCabinetForm({ id, version, label }: { id: number; version: number; label: string }) {
  const [state, action] = useActionState<CabinetDeleteState, FormData>(deleteCabinetAction, { error: null });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormError id="delete-cabinet-error" message={state.error ?? undefined} />
      <DeviceLinks names={state.names} />
      <ConfirmButton
        question={`Delete cabinet ${label}? Its power feeds go with it.`}
        className="rounded-md border border-danger/40 px-3 py-1.5 text-sm font-medium text-danger outline-none hover:bg-danger-soft focus-visible:ring-2 focus-visible:ring-danger/40"
      >
        Delete cabinet {label}
      </ConfirmButton>
    </form>
  );
}
