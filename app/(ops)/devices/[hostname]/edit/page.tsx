import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { canEditInventory } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { getCabinetUnits, getDeviceForEdit, listDeviceFormChoices } from "@/lib/db/edit-devices";
import { DeleteDeviceForm } from "../../_edit/delete-device-form";
import { DeviceForm } from "../../_edit/device-form";
import { deviceFormValues } from "../../_edit/form-state";

type Props = { params: Promise<{ hostname: string }> };

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Edit ${decodeParam((await params).hostname)}` };
}

export default async function EditDevicePage({ params }: Props) {
  const hostname = decodeParam((await params).hostname);
  const editHref = `/devices/${encodeURIComponent(hostname)}/edit`;
  await requirePage(canEditInventory, editHref);
  const device = hostname.length <= 253 ? await getDeviceForEdit({ hostname }) : null;
  if (!device) notFound();
  if (device.hostname !== hostname) redirect(`/devices/${encodeURIComponent(device.hostname)}/edit`);
  const [choices, units] = await Promise.all([
    listDeviceFormChoices(),
    device.cabinetId !== null ? getCabinetUnits({ cabinetId: device.cabinetId }) : null,
  ]);
  const deviceHref = `/devices/${encodeURIComponent(device.hostname)}`;

  return (
    <div className="space-y-6">
      <PageHeader
        title={
          <>
            Edit <span className="font-mono">{device.hostname}</span>
          </>
        }
        description={`Version ${device.version}: if someone saves it before you do, your save is refused and you see what changed.`}
        breadcrumbs={[
          { href: "/devices", label: "Devices" },
          { href: deviceHref, label: device.hostname },
        ]}
      />
      <DeviceForm
        id={device.id}
        version={device.version}
        initial={deviceFormValues(device)}
        models={choices.models}
        cabinets={choices.cabinets}
        units={units}
        submitLabel="Save device"
      />
      <Section id="delete" title="Delete">
        <div className="rounded-md border border-line bg-surface p-4">
          {device.sleds.length > 0 ? (
            <p className="mb-2 text-sm text-muted">
              It holds {device.sleds.length} sled{device.sleds.length === 1 ? "" : "s"}: move or delete them first, or the delete is refused.
            </p>
          ) : null}
          <DeleteDeviceForm id={device.id} version={device.version} hostname={device.hostname} />
        </div>
      </Section>
    </div>
  );
}
