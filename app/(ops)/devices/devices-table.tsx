"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { TableView, type CellRenderers, type Row, type TablePageData } from "@/components/data-table/table-view";
import { toolButton } from "@/components/data-table/column-menu";
import { DeviceStatusBadge } from "@/components/ui/badge";
import { DeviceStatus } from "@/lib/db/generated/enums";
import { devicesTable } from "@/lib/domain/tables/devices";
import type { TableState } from "@/lib/domain/tables/url-state";
import type { ReactNode } from "react";
import { deleteDevicesAction, setDevicesRoleAction, setDevicesStatusAction } from "./bulk-actions";

const cells: CellRenderers = {
  status: (value) => <DeviceStatusBadge status={value as DeviceStatus} />,
};

type Message = { ok: boolean; text: string } | null;

export function DevicesTable({ state, page, canEdit, empty }: { state: TableState; page: TablePageData; canEdit: boolean; empty: ReactNode }) {
  // kept here, not in the bulk bar: the bar goes away with the selection a change clears
  const [message, setMessage] = useState<Message>(null);
  return (
    <>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`mb-2 rounded-md px-3 py-2 text-sm ${message.ok ? "bg-ok-soft text-ok" : "bg-danger-soft text-danger"}`}>
          {message.text}
        </p>
      ) : null}
      <TableView
      spec={devicesTable}
      state={state}
      page={page}
      label="Devices"
      empty={empty}
      cells={cells}
      bulkActions={canEdit ? (selected, clear) => <BulkActions selected={selected} clear={clear} onMessage={setMessage} /> : undefined}
      />
    </>
  );
}

function hostnamesOf(rows: Row[]): string[] {
  return rows.map((r) => r.cells.hostname ?? "").filter(Boolean);
}

function BulkActions({ selected, clear, onMessage }: { selected: Row[]; clear: () => void; onMessage: (m: Message) => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState("");
  const [role, setRole] = useState("");
  const dialog = useRef<HTMLDialogElement>(null);
  const hosts = hostnamesOf(selected);

  const run = (action: () => Promise<{ ok: true; changed: number } | { ok: false; message: string }>, done: (n: number) => string) =>
    startTransition(async () => {
      onMessage(null);
      const outcome = await action();
      if (outcome.ok) {
        onMessage({ ok: true, text: done(outcome.changed) });
        clear();
        router.refresh();
      } else {
        onMessage({ ok: false, text: outcome.message });
      }
    });

  const devices = (n: number) => `${n} device${n === 1 ? "" : "s"}`;
  // commas kept literal: the new work order page reads `hosts=h1,h2`
  const workOrderHref = `/work-orders/new?hosts=${hosts.map(encodeURIComponent).join(",")}`;

  return (
    <>
      <Link href={workOrderHref} className={toolButton}>
        Add to work order
      </Link>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (status) run(() => setDevicesStatusAction({ hostnames: hosts, status }), (n) => `Status set to ${status} on ${devices(n)}.`);
        }}
      >
        <label className="sr-only" htmlFor="bulk-status">
          New status
        </label>
        <select id="bulk-status" value={status} onChange={(e) => setStatus(e.target.value)} className={field}>
          <option value="">Status…</option>
          {Object.values(DeviceStatus).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <button type="submit" className={toolButton} disabled={pending || !status}>
          Change status
        </button>
      </form>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => setDevicesRoleAction({ hostnames: hosts, role }), (n) => `Role set to ${role || "(none)"} on ${devices(n)}.`);
        }}
      >
        <label className="sr-only" htmlFor="bulk-role">
          New role
        </label>
        <input id="bulk-role" value={role} onChange={(e) => setRole(e.target.value)} placeholder="Role" maxLength={100} className={`${field} w-32`} />
        <button type="submit" className={toolButton} disabled={pending}>
          Change role
        </button>
      </form>
      <button type="button" className={`${toolButton} border-danger/40 text-danger hover:bg-danger-soft`} onClick={() => dialog.current?.showModal()} disabled={pending}>
        Delete…
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="bulk-delete-title"
        className="m-auto max-w-lg rounded-md border border-line bg-surface p-4 text-fg shadow-xl backdrop:bg-black/30"
      >
        <h2 id="bulk-delete-title" className="font-semibold">
          Delete {devices(hosts.length)}?
        </h2>
        <p className="mt-2 text-sm">
          {hosts.length > 20 ? `${hosts.slice(0, 20).join(", ")} and ${hosts.length - 20} more` : hosts.join(", ")}
        </p>
        <p className="mt-2 text-sm text-muted">Their Nics, cables, power and service memberships are deleted with them. This cannot be undone.</p>
        <form method="dialog" className="mt-4 flex justify-end gap-2">
          <button value="cancel" className={toolButton} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className={`${toolButton} border-danger bg-danger text-white hover:bg-danger/90`}
            onClick={() => {
              dialog.current?.close();
              run(() => deleteDevicesAction({ hostnames: hosts }), (n) => `Deleted ${devices(n)}.`);
            }}
          >
            Delete {devices(hosts.length)}
          </button>
        </form>
      </dialog>
    </>
  );
}

const field =
  "rounded border border-line-strong bg-surface px-1.5 py-1 text-[13px] text-fg outline-none focus-visible:ring-2 focus-visible:ring-accent/50";
