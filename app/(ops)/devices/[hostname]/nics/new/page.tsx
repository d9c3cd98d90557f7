import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { canEditInventory } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { getDeviceForEdit } from "@/lib/db/edit-devices";
import { listBondNames } from "@/lib/db/edit-nics";
import { NicForm } from "../_edit/nic-form";

type Props = { params: Promise<{ hostname: string }> };

export const metadata: Metadata = { title: "New interface" };

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export default async function NewNicPage({ params }: Props) {
  const hostname = decodeParam((await params).hostname);
  const deviceHref = `/devices/${encodeURIComponent(hostname)}`;
  await requirePage(canEditInventory, `${deviceHref}/nics/new`);
  const device = hostname.length <= 253 ? await getDeviceForEdit({ hostname }) : null;
  if (!device) notFound();
  const bonds = await listBondNames({ hostname: device.hostname });
  return (
    <div className="space-y-6">
      <PageHeader
        title={
          <>
            New interface on <span className="font-mono">{device.hostname}</span>
          </>
        }
        breadcrumbs={[
          { href: "/devices", label: "Devices" },
          { href: `/devices/${encodeURIComponent(device.hostname)}`, label: device.hostname },
        ]}
      />
      <NicForm hostname={device.hostname} initial={{ kind: "nic", enabled: "yes" }} bonds={bonds} submitLabel="Add interface" />
    </div>
  );
}
