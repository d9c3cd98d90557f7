"use client";

import { useActionState, useState } from "react";
import { FormError, SubmitButton, TextField } from "@/components/ui/form";
import { createShareLinkAction, type ShareFormState } from "./actions";

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={() => {
        void navigator.clipboard.writeText(text).then(() => setCopied(true));
      }}
      className="rounded-md border border-line-strong px-2 py-1 text-xs font-medium hover:bg-canvas"
    >
      {copied ? "Copied" : "Copy"}
    </button>
  );
}

export function ShareLinkForm({ workOrderId }: { workOrderId: number }) {
  const [state, action] = useActionState<ShareFormState, FormData>(createShareLinkAction, { error: null });
  return (
    <div className="space-y-3">
      {state.url ? (
        <div role="status" className="rounded-md border border-ok/40 bg-ok-soft p-3 text-sm">
          <p className="font-medium">Link created. Copy it or scan it now: it is not shown again.</p>
          <div className="mt-2 flex flex-wrap items-start gap-4">
            {state.qrSvg ? (
              // an SVG drawn on the server from the link alone (lib/share/qr.ts): paths, no script
              <div
                role="img"
                aria-label="QR code of the share link"
                className="size-40 shrink-0 rounded border border-line bg-white p-1"
                dangerouslySetInnerHTML={{ __html: state.qrSvg }}
              />
            ) : null}
            <div className="min-w-64 flex-1 space-y-1">
              <div className="flex gap-2">
                <input
                  readOnly
                  aria-label="Share link"
                  value={state.url}
                  onFocus={(e) => e.currentTarget.select()}
                  className="w-full rounded border border-line-strong bg-surface px-2 py-1 font-mono text-xs"
                />
                <CopyButton text={state.url} />
              </div>
              {state.expiresAt ? <p className="text-xs text-muted">Valid until {state.expiresAt.slice(0, 16).replace("T", " ")} UTC.</p> : null}
            </div>
          </div>
        </div>
      ) : null}
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        <FormError id="share-error" message={state.error ?? undefined} />
        <input type="hidden" name="workOrderId" value={workOrderId} />
        <TextField label="Expires in (hours)" name="expiresInHours" type="number" min={1} max={720} defaultValue={24} />
        <div>
          <SubmitButton pendingLabel="Creating…">Share with remote hands</SubmitButton>
        </div>
      </form>
    </div>
  );
}
