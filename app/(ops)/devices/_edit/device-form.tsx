"use client";

import { useActionState, useState, useTransition } from "react";
import { FormError, SelectField, TextField } from "@/components/ui/form";
import type { CabinetChoice, CabinetUnits, ModelChoice } from "@/lib/db/edit-devices";
import type { RackFace } from "@/lib/domain/rack-layout";
import { DEVICE_STATUSES } from "@/lib/schemas/csv-devices";
import { loadCabinetUnits, saveDeviceAction } from "./actions";
import { FIELD_LABELS, type DeviceFormState } from "./form-state";
import { PositionPicker } from "./position-picker";

type Props = {
  // the device's id and the version the form was loaded at; none for a new device
  id?: number;
  version?: number;
  initial: Record<string, string>;
  models: ModelChoice[];
  cabinets: CabinetChoice[];
  units: CabinetUnits | null;
  submitLabel: string;
};

const PLACEMENT_OPTIONS = [
  { value: "rack", label: "In a cabinet" },
  { value: "chassis", label: "In a chassis bay" },
  { value: "unplaced", label: "Unplaced (spare, in stock)" },
] as const;

export function DeviceForm({ id, version, initial, models, cabinets, units: initialUnits, submitLabel }: Props) {
  const [state, action, saving] = useActionState<DeviceFormState, FormData>(saveDeviceAction, { errors: {} });
  const [, startSaving] = useTransition();
  const shown = state.values ?? initial;
  const [placement, setPlacement] = useState(initial.placement ?? "rack");
  const [model, setModel] = useState(initial.model ?? "");
  const [cabinetId, setCabinetId] = useState(initial.cabinet_id ?? "");
  const [u, setU] = useState(initial.u ?? "");
  const [face, setFace] = useState<RackFace>(initial.face === "rear" ? "rear" : "front");
  const [units, setUnits] = useState(initialUnits);
  const [loading, startLoading] = useTransition();
  const chosenModel = models.find((m) => m.name === model);
  const e = state.errors;

  function chooseCabinet(value: string) {
    setCabinetId(value);
    startLoading(async () => {
      setUnits(value ? await loadCabinetUnits(Number(value)) : null);
    });
  }

  const cabinetName = (value: string) => {
    const c = cabinets.find((x) => String(x.id) === value);
    return c ? `${c.site} / ${c.name}` : value;
  };

  return (
    <form
      action={action}
      // dispatched by hand, not as a form action: React resets a form after its action, which would
      // put the controlled selects (model, cabinet, face) back to their first option on screen
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startSaving(() => action(data));
      }}
      noValidate
      className="space-y-5"
    >
      {id !== undefined ? <input type="hidden" name="id" value={id} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={state.values?.version ?? version} /> : null}
      <FormError id="device-form-error" message={e.form} />
      {state.stale ? <StaleNotice stale={state.stale} shown={shown} cabinetName={cabinetName} /> : null}

      <div className="grid grid-cols-1 items-start gap-x-8 gap-y-5 lg:grid-cols-2">
        <fieldset className="space-y-3 rounded-md border border-line bg-surface p-4">
          <legend className="px-1 text-sm font-semibold">Device</legend>
          <TextField label="Hostname" name="hostname" defaultValue={shown.hostname} error={e.hostname} required autoComplete="off" spellCheck={false} />
          <SelectField
            label="Model"
            name="model"
            value={model}
            onChange={(event) => setModel(event.target.value)}
            error={e.model}
            options={[
              ...(model === "" ? [{ value: "", label: "Choose a model…" }] : []),
              ...models.map((m) => ({ value: m.name, label: `${m.name} (${m.kind}${m.heightU > 0 ? `, ${m.heightU} U` : ""})` })),
            ]}
          />
          <div className="grid grid-cols-2 gap-3">
            <TextField label="Role" name="role" defaultValue={shown.role} error={e.role} hint="Free text: app, db, redis…" />
            <SelectField label="Status" name="status" defaultValue={shown.status || "active"} error={e.status} options={DEVICE_STATUSES.map((s) => ({ value: s, label: s }))} />
            <TextField label="Service tag" name="serial" defaultValue={shown.serial} error={e.serial} spellCheck={false} />
            <TextField label="Asset tag" name="asset_tag" defaultValue={shown.asset_tag} error={e.asset_tag} spellCheck={false} />
            <TextField label="Primary IP" name="primary_ip" defaultValue={shown.primary_ip} error={e.primary_ip} spellCheck={false} />
            <TextField label="Out-of-band IP" name="oob_ip" defaultValue={shown.oob_ip} error={e.oob_ip} spellCheck={false} />
          </div>
          <TextField label="OS" name="os" defaultValue={shown.os} error={e.os} />
          <NotesField defaultValue={shown.notes} error={e.notes} />
        </fieldset>

        <fieldset className="space-y-3 rounded-md border border-line bg-surface p-4">
          <legend className="px-1 text-sm font-semibold">Where it is</legend>
          <div role="radiogroup" aria-label="Placement" className="flex flex-wrap gap-x-4 gap-y-1">
            {PLACEMENT_OPTIONS.map((option) => (
              <label key={option.value} className="inline-flex items-center gap-1.5 text-sm">
                <input
                  type="radio"
                  name="placement"
                  value={option.value}
                  checked={placement === option.value}
                  onChange={() => setPlacement(option.value)}
                  className="accent-accent focus-visible:ring-2 focus-visible:ring-accent/50"
                />
                {option.label}
              </label>
            ))}
          </div>
          {e.placement ? <p className="text-xs text-danger">{e.placement}</p> : null}

          {placement === "rack" ? (
            <div className="space-y-3">
              <div className="grid grid-cols-[minmax(0,1fr)_6rem_7rem] gap-3">
                <SelectField
                  label="Cabinet"
                  name="cabinet_id"
                  value={cabinetId}
                  onChange={(event) => chooseCabinet(event.target.value)}
                  error={e.cabinet_id}
                  options={[
                    ...(cabinetId === "" ? [{ value: "", label: "Choose a cabinet…" }] : []),
                    ...cabinets.map((c) => ({ value: String(c.id), label: `${c.site} / ${c.name}${c.room ? ` (${c.room})` : ""}` })),
                  ]}
                />
                <TextField label="Lowest U" name="u" inputMode="numeric" value={u} onChange={(event) => setU(event.target.value)} error={e.u} />
                <SelectField
                  label="Face"
                  name="face"
                  value={face}
                  onChange={(event) => setFace(event.target.value === "rear" ? "rear" : "front")}
                  error={e.face}
                  options={[
                    { value: "front", label: "front" },
                    { value: "rear", label: "rear" },
                  ]}
                />
              </div>
              <TextField
                label="Power feeds"
                name="power"
                defaultValue={shown.power}
                error={e.power}
                hint={units ? `Feeds of ${units.name}: ${units.feeds.join(", ") || "none recorded"}. Write them like A;B.` : "Feed names of the cabinet, like A;B."}
              />
              {loading ? (
                <p className="text-xs text-muted" role="status">
                  Loading the cabinet…
                </p>
              ) : units && chosenModel && chosenModel.heightU > 0 ? (
                <PositionPicker
                  units={units}
                  device={{ id: id ?? null, heightU: chosenModel.heightU, fullDepth: chosenModel.fullDepth }}
                  face={face}
                  u={/^\d+$/.test(u) ? Number(u) : null}
                  onPick={(picked) => setU(String(picked))}
                />
              ) : chosenModel && chosenModel.heightU === 0 ? (
                <p className="text-xs text-warn">A {chosenModel.kind} has no U of its own: put it in a chassis bay.</p>
              ) : null}
            </div>
          ) : null}

          {placement === "chassis" ? (
            <div className="grid grid-cols-[minmax(0,1fr)_6rem] gap-3">
              <TextField label="Chassis" name="chassis" defaultValue={shown.chassis} error={e.chassis} hint="The chassis' hostname." spellCheck={false} />
              <TextField label="Bay" name="bay" inputMode="numeric" defaultValue={shown.bay} error={e.bay} />
            </div>
          ) : null}

          {placement === "unplaced" ? <p className="text-sm text-muted">Not in a cabinet or a chassis: it keeps the site it was last in.</p> : null}
        </fieldset>
      </div>

      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={saving}
          aria-busy={saving || undefined}
          className="inline-flex items-center justify-center rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-fg outline-none hover:opacity-90 focus-visible:ring-2 focus-visible:ring-accent/50 focus-visible:ring-offset-1 disabled:opacity-60"
        >
          {saving ? "Saving…" : state.stale ? "Save mine anyway" : submitLabel}
        </button>
        {state.stale ? <span className="text-sm text-muted">or reload the page to start from the current values</span> : null}
      </div>
    </form>
  );
}

function NotesField({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor="device-notes" className="block text-sm font-medium">
        Notes
      </label>
      <textarea
        id="device-notes"
        name="notes"
        rows={3}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        className="block w-full rounded-md border border-line-strong bg-surface px-2.5 py-1.5 text-sm outline-none focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/40"
      />
      {error ? <p className="text-xs text-danger">{error}</p> : null}
    </div>
  );
}

// The refusal of a stale save: who changed the device, and where its values now differ from the form.
function StaleNotice({
  stale,
  shown,
  cabinetName,
}: {
  stale: NonNullable<DeviceFormState["stale"]>;
  shown: Record<string, string>;
  cabinetName: (id: string) => string;
}) {
  const differing = Object.keys(FIELD_LABELS).filter((k) => (stale.current[k] ?? "") !== (shown[k] ?? ""));
  const show = (k: string, v: string | undefined) => (k === "cabinet_id" && v ? cabinetName(v) : v) || "—";
  return (
    <div role="alert" aria-label="Changed since you opened it" className="rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm">
      <p className="font-medium text-warn">{stale.message}</p>
      {differing.length > 0 ? (
        <table className="mt-2 text-[13px]">
          <caption className="sr-only">Current values that differ from yours</caption>
          <thead>
            <tr className="text-left text-muted">
              <th scope="col" className="pr-4 font-medium">
                Field
              </th>
              <th scope="col" className="pr-4 font-medium">
                Now
              </th>
              <th scope="col" className="font-medium">
                Yours
              </th>
            </tr>
          </thead>
          <tbody>
            {differing.map((k) => (
              <tr key={k}>
                <th scope="row" className="pr-4 text-left font-normal">
                  {FIELD_LABELS[k]}
                </th>
                <td className="pr-4 font-mono">{show(k, stale.current[k])}</td>
                <td className="font-mono">{show(k, shown[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
