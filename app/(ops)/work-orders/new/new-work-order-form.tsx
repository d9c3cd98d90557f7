"use client";

import { useActionState, useId, useState } from "react";
import { FormError, SubmitButton, TextField } from "@/components/ui/form";
import { MAX_WORK_ORDER_ITEMS, WORK_ACTIONS } from "@/lib/schemas/work-order";
import { createWorkOrderAction, type NewWorkOrderState } from "./actions";

type WorkAction = (typeof WORK_ACTIONS)[number];
type Row = { hostname: string; action: WorkAction; note: string };

const ACTION_LABELS: Record<WorkAction, string> = {
  power_cycle: "Power-cycle",
  inspect: "Inspect",
  reseat_cable: "Reseat cable",
  replace_part: "Replace part",
  other: "Other",
};

const DEFAULT_ACTION: WorkAction = "inspect";

const fieldClass =
  "block rounded-md border border-line-strong bg-surface px-2 py-1 text-sm outline-none focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/40";
const inputClass = `${fieldClass} w-full`;

// Every field is controlled, so a refused submit (React resets uncontrolled fields after an action)
// keeps what was typed.
export function NewWorkOrderForm({ hosts, unknownHosts }: { hosts: string[]; unknownHosts: string[] }) {
  const [state, action] = useActionState<NewWorkOrderState, FormData>(createWorkOrderAction, { error: null });
  const [title, setTitle] = useState("");
  const [instructions, setInstructions] = useState("");
  const [rows, setRows] = useState<Row[]>(() => hosts.map((hostname) => ({ hostname, action: DEFAULT_ACTION, note: "" })));
  const [adding, setAdding] = useState("");
  const instructionsId = useId();
  const unknown = new Set(state.unknownHosts ?? unknownHosts);
  const flagged = rows.filter((r) => unknown.has(r.hostname)).map((r) => r.hostname);

  function addHosts() {
    const present = new Set(rows.map((r) => r.hostname));
    const fresh = [...new Set(adding.split(/[\s,]+/).filter((h) => h !== "" && !present.has(h)))];
    setRows([...rows, ...fresh.map((hostname) => ({ hostname, action: DEFAULT_ACTION, note: "" }))].slice(0, MAX_WORK_ORDER_ITEMS));
    setAdding("");
  }

  function update(index: number, change: Partial<Row>) {
    setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  }

  return (
    <form action={action} className="max-w-4xl space-y-4" noValidate>
      <FormError id="new-work-order-error" message={state.error ?? undefined} />
      {!state.error && flagged.length > 0 ? (
        <FormError id="new-work-order-unknown" message={`No device named ${flagged.join(", ")}. Fix or remove ${flagged.length === 1 ? "it" : "them"}.`} />
      ) : null}
      <TextField label="Title" name="title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Power-cycle hung hosts in A03" />
      <div className="space-y-1">
        <label htmlFor={instructionsId} className="block text-sm font-medium">
          Instructions <span className="font-normal text-muted">(optional, for the technician)</span>
        </label>
        <textarea
          id={instructionsId}
          name="instructions"
          rows={3}
          maxLength={10_000}
          value={instructions}
          onChange={(e) => setInstructions(e.target.value)}
          className={inputClass}
        />
      </div>

      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">Devices ({rows.length})</legend>
        {rows.length === 0 ? (
          <p className="rounded-md border border-dashed border-line-strong bg-surface px-3 py-2 text-sm text-muted">No devices yet: add one below.</p>
        ) : (
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="text-left text-xs text-muted">
                <th scope="col" className="py-1 pr-2 font-medium">Host</th>
                <th scope="col" className="py-1 pr-2 font-medium">Action</th>
                <th scope="col" className="py-1 pr-2 font-medium">Note</th>
                <th scope="col" className="py-1 font-medium">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.hostname} className="border-t border-line" data-testid="work-order-row">
                  <td className="py-1.5 pr-2 align-top whitespace-nowrap">
                    <input type="hidden" name="hostname" value={row.hostname} />
                    <span className={`font-mono text-[13px] font-semibold ${unknown.has(row.hostname) ? "text-danger" : ""}`}>{row.hostname}</span>
                    {unknown.has(row.hostname) ? <span className="block text-xs text-danger">no such device</span> : null}
                  </td>
                  <td className="py-1.5 pr-2 align-top">
                    <select
                      name="action"
                      aria-label={`Action for ${row.hostname}`}
                      value={row.action}
                      onChange={(e) => update(i, { action: e.target.value as WorkAction })}
                      className={`${fieldClass} w-36`}
                    >
                      {WORK_ACTIONS.map((a) => (
                        <option key={a} value={a}>
                          {ACTION_LABELS[a]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="w-full py-1.5 pr-2 align-top">
                    <input
                      name="note"
                      aria-label={`Note for ${row.hostname}`}
                      maxLength={2000}
                      value={row.note}
                      onChange={(e) => update(i, { note: e.target.value })}
                      placeholder="e.g. amber light on PSU 2"
                      className={inputClass}
                    />
                  </td>
                  <td className="py-1.5 align-top">
                    <button
                      type="button"
                      aria-label={`Remove ${row.hostname}`}
                      onClick={() => setRows(rows.filter((_, j) => j !== i))}
                      className="rounded-md border border-line px-2 py-1 text-xs hover:bg-surface-2"
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="flex items-end gap-2">
          <label className="block text-sm">
            <span className="block text-xs text-muted">Add hosts (hostnames, comma-separated)</span>
            <input
              aria-label="Add hosts"
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  addHosts();
                }
              }}
              className={`${fieldClass} w-72 font-mono`}
            />
          </label>
          <button type="button" onClick={addHosts} className="rounded-md border border-line-strong px-3 py-1 text-sm hover:bg-surface-2">
            Add
          </button>
        </div>
      </fieldset>

      <SubmitButton pendingLabel="Creating…">Create work order</SubmitButton>
    </form>
  );
}
