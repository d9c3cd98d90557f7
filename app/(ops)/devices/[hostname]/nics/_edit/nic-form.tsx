"use client";

import { useActionState, useTransition } from "react";
import type { EditFormState } from "@/components/edit-form/simple-edit-form";
import { StaleNotice } from "@/components/edit-form/stale-notice";
import { FormError, SelectField, TextField } from "@/components/ui/form";
import { NIC_KINDS } from "@/lib/schemas/csv-nics";
import { saveNicAction } from "./actions";

const LABELS: Record<string, string> = {
  name: "Name",
  kind: "Kind",
  mac: "MAC",
  speed: "Speed",
  driver: "Driver",
  bond: "Member of bond",
  bond_mode: "Bond mode",
  enabled: "Enabled",
  ip: "IP",
};

export function NicForm({
  hostname,
  id,
  version,
  initial,
  bonds,
  submitLabel,
}: {
  hostname: string;
  id?: number;
  version?: number;
  initial: Record<string, string>;
  bonds: string[];
  submitLabel: string;
}) {
  const [state, action, saving] = useActionState<EditFormState, FormData>(saveNicAction, { errors: {} });
  const [, startSaving] = useTransition();
  const shown = state.values ?? initial;
  const e = state.errors;
  return (
    <form
      action={action}
      // dispatched by hand: React resets a form after its action, and the selects must keep what was chosen
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startSaving(() => action(data));
      }}
      noValidate
      className="max-w-xl space-y-3 rounded-md border border-line bg-surface p-4"
    >
      <input type="hidden" name="hostname" value={hostname} />
      {id !== undefined ? <input type="hidden" name="id" value={id} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={state.values?.version ?? version} /> : null}
      <FormError id="nic-form-error" message={e.form} />
      {state.stale ? <StaleNotice message={state.stale.message} current={state.stale.current} labels={LABELS} /> : null}
      <div className="grid grid-cols-2 gap-3">
        <TextField label="Name" name="name" defaultValue={shown.name} error={e.name} hint="eth0, bond0, Te1/0/7, idrac…" spellCheck={false} />
        <SelectField label="Kind" name="kind" defaultValue={shown.kind || "nic"} error={e.kind} options={NIC_KINDS.map((k) => ({ value: k, label: k }))} />
        <TextField label="MAC" name="mac" defaultValue={shown.mac} error={e.mac} spellCheck={false} />
        <TextField label="Speed" name="speed" defaultValue={shown.speed} error={e.speed} hint="1G, 10G, 25G or Mbps." />
        <TextField label="Driver" name="driver" defaultValue={shown.driver} error={e.driver} hint="bnx2, ixgbe…" spellCheck={false} />
        <TextField label="IP" name="ip" defaultValue={shown.ip} error={e.ip} spellCheck={false} />
        <SelectField
          label="Member of bond"
          name="bond"
          defaultValue={shown.bond ?? ""}
          error={e.bond}
          options={[{ value: "", label: "none" }, ...bonds.filter((b) => b !== initial.name).map((b) => ({ value: b, label: b }))]}
        />
        <TextField label="Bond mode" name="bond_mode" defaultValue={shown.bond_mode} error={e.bond_mode} hint="On a bond: 802.3ad, active-backup…" />
        <SelectField
          label="Enabled"
          name="enabled"
          defaultValue={shown.enabled || "yes"}
          error={e.enabled}
          options={[
            { value: "yes", label: "yes" },
            { value: "no", label: "no (disabled)" },
          ]}
        />
      </div>
      <button
        type="submit"
        disabled={saving}
        aria-busy={saving || undefined}
        className="inline-flex items-center justify-center rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-fg outline-none hover:opacity-90 focus-visible:ring-2 focus-visible:ring-accent/50 focus-visible:ring-offset-1 disabled:opacity-60"
      >
        {saving ? "Saving…" : state.stale ? "Save mine anyway" : submitLabel}
      </button>
    </form>
  );
}
