import Link from "next/link";

// The one way into a new work order, shared by every page that offers it (and by the device tables):
// `/work-orders/new?hosts=a,b,c`.
export function newWorkOrderHref(hostnames: readonly string[]): string {
  return hostnames.length ? `/work-orders/new?hosts=${hostnames.map(encodeURIComponent).join(",")}` : "/work-orders/new";
}

export function NewWorkOrderLink({ hostnames, children }: { hostnames: readonly string[]; children: React.ReactNode }) {
  return (
    <Link href={newWorkOrderHref(hostnames)} className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2 print:hidden">
      {children}
    </Link>
  );
}

// A plain GET form to the new-work-order page; checkboxes anywhere on the page join it with
// `form={id}`, so a selection works without JavaScript (the page reads repeated `hosts` too).
export function WorkOrderSelectionForm({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <form id={id} action="/work-orders/new" method="get" className="print:hidden">
      <button type="submit" className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm hover:bg-surface-2">
        {children}
      </button>
    </form>
  );
}

export function SelectHostCheckbox({ form, hostname }: { form: string; hostname: string }) {
  return <input type="checkbox" form={form} name="hosts" value={hostname} aria-label={`Select ${hostname}`} className="size-4 align-middle accent-accent print:hidden" />;
}
