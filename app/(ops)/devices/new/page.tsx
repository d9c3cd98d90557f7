import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { canEditInventory } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { getCabinetUnits, listDeviceFormChoices } from "@/lib/db/edit-devices";
import { DeviceForm } from "../_edit/device-form";

export const metadata: Metadata = { title: "New device" };

type Props = { searchParams: Promise<{ cabinet?: string | string[] }> };

// `?cabinet=ID` starts the form in that cabinet (the cabinet page's "New device here").
export default async function NewDevicePage({ searchParams }: Props) {
  await requirePage(canEditInventory, "/devices/new");
  const raw = (await searchParams).cabinet;
  const cabinetId = typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  const [choices, units] = await Promise.all([listDeviceFormChoices(), cabinetId !== null ? getCabinetUnits({ cabinetId }) : null]);
  return (
    <div className="space-y-6">
      <PageHeader title="New device" breadcrumbs={[{ href: "/devices", label: "Devices" }]} />
      <DeviceForm
        initial={{ placement: units ? "rack" : "unplaced", cabinet_id: units ? String(units.id) : "", face: "front", status: "active", power: units?.feeds.join(";") ?? "" }}
        models={choices.models}
        cabinets={choices.cabinets}
        units={units}
        submitLabel="Create device"
      />
    </div>
  );
}
