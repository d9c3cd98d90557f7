import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuditTable } from "@/components/audit-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { canReadAudit } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { listAudit } from "@/lib/db/audit";
import { auditFilterSchema } from "@/lib/schemas/audit";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  await requirePage(canReadAudit, "/audit");
  const raw = await searchParams;
  const parsed = auditFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : {};
  const { rows, nextBefore } = await listAudit(filter);
  const keep = new URLSearchParams(Object.entries(filter).filter(([k, v]) => k !== "before" && v !== undefined && v !== "").map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : String(v)]));

  return (
    <div className="space-y-4">
      <PageHeader title="Audit log" description="Every change to inventory: who, when, what, before and after." />
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-md border border-line bg-surface p-3 text-sm" aria-label="Filter the audit log">
        <Field label="Object type" name="objectType" defaultValue={raw.objectType} placeholder="device" />
        <Field label="Object id" name="objectId" defaultValue={raw.objectId} />
        <Field label="Actor" name="actor" defaultValue={raw.actor} placeholder="e-mail or token name" />
        <Field label="From" name="from" type="date" defaultValue={raw.from} />
        <Field label="To" name="to" type="date" defaultValue={raw.to} />
        <Field label="Batch" name="batchId" defaultValue={raw.batchId} placeholder="import batch" />
        <button type="submit" className="rounded-md bg-accent px-3 py-1.5 font-medium text-accent-fg">Filter</button>
        <Link href="/audit" className="px-1 py-1.5 text-muted hover:text-fg">Clear</Link>
      </form>
      {!parsed.success ? <p role="alert" aria-label="Invalid filter" className="text-sm text-danger">{parsed.error.issues[0]?.message}</p> : null}
      {rows.length === 0 ? <EmptyState title="No changes match">Nothing has been changed yet, or the filter excludes it.</EmptyState> : <AuditTable rows={rows} />}
      {nextBefore ? (
        <p className="text-right text-sm">
          <Link className="text-accent hover:underline" href={`/audit?${new URLSearchParams([...keep, ["before", nextBefore.toString()]])}`}>
            Older entries →
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function Field({ label, name, defaultValue, placeholder, type = "text" }: { label: string; name: string; defaultValue?: string | string[]; placeholder?: string; type?: string }) {
  return (
    <label className="flex flex-col gap-1">
      <span className="text-xs text-muted">{label}</span>
      <input name={name} type={type} defaultValue={typeof defaultValue === "string" ? defaultValue : undefined} placeholder={placeholder} className="rounded border border-line-strong bg-surface px-2 py-1" />
    </label>
  );
}
