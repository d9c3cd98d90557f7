import { PageHeader } from "@/components/ui/page-header";

// What a page built on the whole-inventory failure index shows while the index is read. The first such page
// after any inventory change reads every device, Nic and cable afresh (seconds at 100k devices); later ones
// reuse it. The page's header and this note stream at once, so the wait is explained, not a blank tab.
export function FailureIndexLoading({ title }: { title: string }) {
  return (
    <div className="space-y-5" aria-busy="true">
      <PageHeader title={title} />
      <div role="status" className="rounded-md border border-line bg-surface px-6 py-10 text-center">
        <p className="text-base font-medium text-fg">Working out failure domains…</p>
        <p className="mx-auto mt-2 max-w-xl text-muted">
          The first view after a change to the inventory reads every device, Nic and cable again; in a large datacenter
          that takes a few seconds. Later views reuse it until the next change.
        </p>
      </div>
    </div>
  );
}
