"use client";

import Link from "next/link";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { parse } from "csv-parse/browser/esm/sync";
import { stringify } from "csv-stringify/browser/esm/sync";
import { IMPORT_KINDS, KIND_FORMATS, recogniseKind, type ImportKind } from "@/lib/import/kinds";
import type { ImportIssue, ImportReport } from "@/lib/import/types";
import { PreviewTable } from "./preview-table";

// The browser side of CSV import: pick or drop a file (or paste text), check it with a dry run of
// POST /api/v1/import/{kind} (the same contract scripts use, with the session cookie), review the
// plan with every problem highlighted, then apply. The file goes up as it is, bytes and all, so a
// file in the wrong encoding is reported instead of silently misread; XMLHttpRequest reports the
// upload's progress for large files.

type Source = { body: Blob | string; name: string; size: number; kind: ImportKind };
type Phase =
  | { step: "idle" }
  | { step: "sending"; action: "check" | "apply"; uploaded: number }
  | { step: "checked"; report: ImportReport }
  | { step: "applied"; report: ImportReport }
  | { step: "failed"; message: string };

type Answer = { status: number; body: unknown };

function postCsv(url: string, body: Blob | string, onUpload: (fraction: number) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Content-Type", "text/csv; charset=utf-8");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onUpload(event.loaded / event.total);
    };
    xhr.upload.onload = () => onUpload(1);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
    xhr.onerror = () => reject(new Error("The server could not be reached."));
    xhr.send(body);
  });
}

function isReport(body: unknown): body is ImportReport {
  return typeof body === "object" && body !== null && "errors" in body && Array.isArray((body as ImportReport).errors);
}

// The kind a file's header row names, read from its first line only.
function kindFromHeader(head: string): { kind: ImportKind | null; header: string[] } {
  const firstLine = head.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  try {
    const [header = []] = parse(firstLine, { relax_quotes: true, relax_column_count: true }) as string[][];
    return { kind: recogniseKind(header), header };
  } catch {
    return { kind: null, header: [] };
  }
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

export function ImportWorkbench({ maxBytes }: { maxBytes: number }) {
  const [kindChoice, setKindChoice] = useState<ImportKind | "auto">("auto");
  const [mode, setMode] = useState<"file" | "paste">("file");
  const [pasted, setPasted] = useState("");
  const [source, setSource] = useState<Source | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useId();

  async function start(body: Blob | string, name: string) {
    const size = typeof body === "string" ? new TextEncoder().encode(body).length : body.size;
    if (size > maxBytes) {
      setSource(null);
      setPhase({ step: "failed", message: `${name} is ${formatSize(size)}: imports take at most ${formatSize(maxBytes)}. Split it into several files, or import it with the CLI.` });
      return;
    }
    let kind: ImportKind | null = kindChoice === "auto" ? null : kindChoice;
    if (!kind) {
      const head = typeof body === "string" ? body.slice(0, 65_536) : await body.slice(0, 65_536).text();
      const recognised = kindFromHeader(head);
      kind = recognised.kind;
      if (!kind) {
        setSource(null);
        setPhase({
          step: "failed",
          message: `The header row (${recognised.header.slice(0, 8).join(", ") || "empty"}) does not match one kind's columns: choose the kind above and try again.`,
        });
        return;
      }
    }
    const next: Source = { body, name, size, kind };
    setSource(next);
    await send(next, "check");
  }

  async function send(src: Source, action: "check" | "apply") {
    setPhase({ step: "sending", action, uploaded: 0 });
    const url = `/api/v1/import/${src.kind}${action === "check" ? "?dry_run=1&preview=1" : "?preview=1"}`;
    try {
      const answer = await postCsv(url, src.body, (uploaded) => setPhase({ step: "sending", action, uploaded }));
      if (isReport(answer.body)) {
        const report = answer.body;
        setPhase(action === "apply" && report.ok ? { step: "applied", report } : { step: "checked", report });
        return;
      }
      const error = (answer.body as { error?: { message?: string } } | null)?.error?.message;
      setPhase({ step: "failed", message: error ?? `The server answered ${answer.status}.` });
    } catch (error) {
      setPhase({ step: "failed", message: (error as Error).message });
    }
  }

  function reset() {
    setSource(null);
    setPhase({ step: "idle" });
    if (fileInput.current) fileInput.current.value = "";
  }

  const busy = phase.step === "sending";

  return (
    <section aria-labelledby={`${ids}-title`} className="rounded-lg border border-line bg-surface shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-4 py-3">
        <div>
          <h2 id={`${ids}-title`} className="text-sm font-semibold">
            Import from CSV
          </h2>
          <p className="text-xs text-muted">Checked first with a dry run; nothing is written until you apply.</p>
        </div>
        <Steps phase={phase} />
      </div>

      <div className="grid gap-4 p-4 lg:grid-cols-[16rem_1fr]">
        <div className="space-y-3">
          <div className="space-y-1">
            <label htmlFor={`${ids}-kind`} className="block text-sm font-medium">
              Kind
            </label>
            <select
              id={`${ids}-kind`}
              value={kindChoice}
              disabled={busy}
              onChange={(e) => setKindChoice(e.target.value as ImportKind | "auto")}
              className="block w-full rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm outline-none focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/40"
            >
              <option value="auto">Recognise from the header row</option>
              {IMPORT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kind}
                </option>
              ))}
            </select>
            <p className="text-xs text-muted">
              {kindChoice === "auto" ? "Rackmap reads the first line to tell models from cabinets, devices …" : KIND_FORMATS[kindChoice].columns.join(", ")}
            </p>
          </div>
          <div role="tablist" aria-label="Where the CSV comes from" className="inline-flex rounded-md border border-line-strong p-0.5 text-sm">
            {(["file", "paste"] as const).map((m) => (
              <button
                key={m}
                type="button"
                role="tab"
                aria-selected={mode === m}
                onClick={() => setMode(m)}
                className={`rounded px-3 py-1 outline-none focus-visible:ring-2 focus-visible:ring-accent/40 ${mode === m ? "bg-accent text-accent-fg" : "text-muted hover:text-fg"}`}
              >
                {m === "file" ? "Upload a file" : "Paste text"}
              </button>
            ))}
          </div>
        </div>

        <div>
          {mode === "file" ? (
            <label
              htmlFor={`${ids}-file`}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                const file = e.dataTransfer.files[0];
                if (file && !busy) void start(file, file.name);
              }}
              className={`flex min-h-28 cursor-pointer flex-col items-center justify-center gap-1 rounded-md border-2 border-dashed px-4 py-5 text-center transition-colors ${
                dragging ? "border-accent bg-accent-soft/50" : "border-line-strong hover:border-accent/60 hover:bg-surface-2/60"
              }`}
            >
              <svg aria-hidden="true" viewBox="0 0 24 24" className="h-7 w-7 text-accent" fill="none" stroke="currentColor" strokeWidth="1.6">
                <path d="M12 16V4m0 0-4 4m4-4 4 4M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              <span className="text-sm font-medium">
                Drop a CSV file here, or <span className="text-accent underline">choose one</span>
              </span>
              <span className="text-xs text-muted">UTF-8, comma-separated, up to {formatSize(maxBytes)}</span>
              <input
                ref={fileInput}
                id={`${ids}-file`}
                type="file"
                accept=".csv,text/csv,text/plain"
                aria-label="CSV file"
                disabled={busy}
                className="sr-only"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void start(file, file.name);
                }}
              />
            </label>
          ) : (
            <div className="space-y-2">
              <label htmlFor={`${ids}-paste`} className="sr-only">
                CSV text
              </label>
              <textarea
                id={`${ids}-paste`}
                value={pasted}
                onChange={(e) => setPasted(e.target.value)}
                rows={7}
                spellCheck={false}
                placeholder={"hostname,model,site,cabinet,u\napp-99,PowerEdge R710,ORD1,A03,27"}
                className="block w-full rounded-md border border-line-strong bg-surface px-2.5 py-2 font-mono text-xs outline-none focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/40"
              />
              <button
                type="button"
                disabled={busy || pasted.trim() === ""}
                onClick={() => void start(pasted, "pasted text")}
                className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-fg outline-none hover:opacity-90 focus-visible:ring-2 focus-visible:ring-accent/50 disabled:opacity-50"
              >
                Check pasted text
              </button>
            </div>
          )}
        </div>
      </div>

      {phase.step !== "idle" ? (
        <div className="border-t border-line p-4">
          {phase.step === "sending" ? <Progress phase={phase} source={source} /> : null}
          {phase.step === "failed" ? (
            <p role="alert" aria-label={phase.message} className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
              {phase.message}
            </p>
          ) : null}
          {phase.step === "checked" && source ? (
            <Review report={phase.report} source={source} onApply={() => void send(source, "apply")} onReset={reset} />
          ) : null}
          {phase.step === "applied" && source ? <Applied report={phase.report} source={source} onReset={reset} /> : null}
        </div>
      ) : null}
    </section>
  );
}

function Steps({ phase }: { phase: Phase }) {
  const current = phase.step === "applied" ? 4 : phase.step === "checked" || (phase.step === "sending" && phase.action === "apply") ? 2 : 1;
  const steps = ["Choose a file", "Review the plan", "Apply"];
  return (
    <ol className="flex items-center gap-2 text-xs" aria-label="Steps">
      {steps.map((label, i) => {
        const n = i + 1;
        const state = n < current ? "done" : n === current ? "current" : "todo";
        return (
          <li key={label} aria-current={state === "current" ? "step" : undefined} className="flex items-center gap-1.5">
            <span
              className={`flex h-5 w-5 items-center justify-center rounded-full text-[11px] font-semibold ${
                state === "done" ? "bg-ok text-white" : state === "current" ? "bg-accent text-accent-fg" : "bg-surface-2 text-muted ring-1 ring-line"
              }`}
            >
              {state === "done" ? "✓" : n}
            </span>
            <span className={state === "todo" ? "text-muted" : "font-medium"}>{label}</span>
            {n < steps.length ? <span aria-hidden="true" className="mx-1 h-px w-5 bg-line-strong" /> : null}
          </li>
        );
      })}
    </ol>
  );
}

function Progress({ phase, source }: { phase: Extract<Phase, { step: "sending" }>; source: Source | null }) {
  const uploading = phase.uploaded < 1;
  const what = phase.action === "check" ? "Checking" : "Applying";
  const label = uploading
    ? `Uploading ${source?.name ?? "the file"} (${formatSize(source?.size ?? 0)}): ${Math.round(phase.uploaded * 100)}%`
    : `${what} ${source?.name ?? "the file"} as ${source?.kind ?? "CSV"}…`;
  return (
    <div role="status" aria-live="polite" className="space-y-2">
      <p className="text-sm font-medium">{label}</p>
      <div className="h-2 overflow-hidden rounded-full bg-track">
        {uploading ? (
          <div className="h-full rounded-full bg-fill transition-[width]" style={{ width: `${Math.max(3, phase.uploaded * 100)}%` }} />
        ) : (
          <div className="h-full w-1/3 animate-[import-progress_1.2s_ease-in-out_infinite] rounded-full bg-fill" />
        )}
      </div>
      <style>{"@keyframes import-progress { 0% { transform: translateX(-100%); } 100% { transform: translateX(300%); } }"}</style>
    </div>
  );
}

function Counts({ report, future }: { report: ImportReport; future: boolean }) {
  const items = [
    { n: report.created, label: future ? "to create" : "created", tone: "text-ok" },
    { n: report.updated, label: future ? "to update" : "updated", tone: "text-accent" },
    { n: report.unchanged, label: "unchanged", tone: "text-muted" },
  ];
  return (
    <dl className="flex flex-wrap gap-2">
      {items.map((i) => (
        <div key={i.label} className="min-w-24 rounded-md border border-line bg-surface-2/50 px-3 py-1.5">
          <dt className="text-xs text-muted">{i.label}</dt>
          <dd className={`text-lg font-semibold tabular-nums ${i.tone}`}>{i.n.toLocaleString("en-US")}</dd>
        </div>
      ))}
      {report.errors.length ? (
        <div className="min-w-24 rounded-md border border-danger/40 bg-danger-soft px-3 py-1.5">
          <dt className="text-xs text-danger">problems</dt>
          <dd className="text-lg font-semibold text-danger tabular-nums">{report.errors.length.toLocaleString("en-US")}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function AlsoCreated({ report, future }: { report: ImportReport; future: boolean }) {
  if (report.alsoCreated.length === 0) return null;
  return (
    <p className="text-sm">
      <span className="text-muted">{future ? "Will also create:" : "Also created:"} </span>
      {report.alsoCreated.map((a) => `${a.type.replace("_", " ")} ${a.key}`).join(", ")}
    </p>
  );
}

function useErrorsCsv(errors: ImportIssue[]): string | null {
  const url = useMemo(() => {
    if (errors.length === 0 || typeof URL.createObjectURL !== "function") return null;
    const csv = stringify([["row", "column", "message"], ...errors.map((e) => [e.row ?? "", e.column ?? "", e.message])]);
    return URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
  }, [errors]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

function Review({ report, source, onApply, onReset }: { report: ImportReport; source: Source; onApply: () => void; onReset: () => void }) {
  const errorsCsv = useErrorsCsv(report.errors);
  const changes = report.created + report.updated + report.alsoCreated.length;
  const baseName = source.name.replace(/\.csv$/i, "");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <p className="text-sm">
            <span className="font-medium">{source.name}</span>{" "}
            <span className="text-muted">
              as {source.kind} · {report.rows.toLocaleString("en-US")} row{report.rows === 1 ? "" : "s"} · checked in {report.seconds} s
            </span>
          </p>
          <Counts report={report} future />
          <AlsoCreated report={report} future />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" onClick={onReset} className="rounded-md border border-line-strong px-3 py-1.5 text-sm outline-none hover:bg-surface-2 focus-visible:ring-2 focus-visible:ring-accent/40">
            Start over
          </button>
          <button
            type="button"
            onClick={onApply}
            disabled={!report.ok || changes === 0}
            className="rounded-md bg-accent px-4 py-1.5 text-sm font-semibold text-accent-fg outline-none hover:opacity-90 focus-visible:ring-2 focus-visible:ring-accent/50 disabled:cursor-not-allowed disabled:opacity-45"
          >
            {report.ok ? (changes === 0 ? "Nothing to change" : "Apply") : "Apply"}
          </button>
        </div>
      </div>

      {report.ok ? (
        <p role="status" className="rounded-md border border-ok/40 bg-ok-soft px-3 py-2 text-sm text-fg">
          {changes === 0
            ? "The database already matches this file: applying it would change nothing."
            : "No problems found. Apply writes every row in one transaction, with an audit entry for each change."}
        </p>
      ) : (
        <div className="space-y-2 rounded-md border border-danger/40 bg-danger-soft/60 px-3 py-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm font-medium text-danger">
              {report.errors.length} problem{report.errors.length === 1 ? "" : "s"}: fix the file and upload it again. Nothing is written while any remain.
            </p>
            {errorsCsv ? (
              <a href={errorsCsv} download={`${baseName}-errors.csv`} className="text-sm font-medium text-accent underline">
                Download errors as CSV
              </a>
            ) : null}
          </div>
          <ul aria-label="Problems" className="max-h-56 space-y-0.5 overflow-auto text-sm">
            {report.errors.slice(0, 500).map((e, i) => (
              <li key={i} className="flex gap-2">
                <span className="shrink-0 font-mono text-xs leading-5 text-danger">
                  {e.row === null ? "file" : `row ${e.row}`}
                  {e.column ? `, ${e.column}` : ""}
                </span>
                <span>{e.message}</span>
              </li>
            ))}
            {report.errors.length > 500 ? <li className="text-muted">… and {report.errors.length - 500} more in the CSV of errors</li> : null}
          </ul>
        </div>
      )}

      {report.preview ? <PreviewTable preview={report.preview} errors={report.errors} /> : null}
    </div>
  );
}

function Applied({ report, source, onReset }: { report: ImportReport; source: Source; onReset: () => void }) {
  return (
    <div role="status" className="space-y-3 rounded-md border border-ok/40 bg-ok-soft/60 p-4">
      <p className="text-base font-semibold">
        Imported {source.name} as {source.kind}
      </p>
      <Counts report={report} future={false} />
      <AlsoCreated report={report} future={false} />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        {report.batchId && report.created + report.updated + report.alsoCreated.length > 0 ? (
          <Link href={`/audit?batchId=${encodeURIComponent(report.batchId)}`} className="font-medium text-accent underline">
            See these changes in the audit log
          </Link>
        ) : (
          <span className="text-muted">Nothing changed.</span>
        )}
        <button type="button" onClick={onReset} className="rounded-md border border-line-strong bg-surface px-3 py-1.5 outline-none hover:bg-surface-2 focus-visible:ring-2 focus-visible:ring-accent/40">
          Import another file
        </button>
      </div>
    </div>
  );
}
