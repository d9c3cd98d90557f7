// What the device form and its actions pass back and forth; shared by the client form and the
// server actions, so plain data only.
import type { DeviceEditValues } from "@/lib/db/edit-devices";

export type DeviceFormState = {
  // field -> message; "form" for a problem of the whole form
  errors: Record<string, string>;
  // what was submitted, shown again after a refusal
  values?: Record<string, string>;
  // a stale save: who changed the device since the form was opened, and its values now
  stale?: { message: string; current: Record<string, string> };
};

export type DeleteState = { error: string | null };

// A device's values as the form's fields spell them (the names of devices.csv).
export function deviceFormValues(d: DeviceEditValues): Record<string, string> {
  return {
    hostname: d.hostname,
    model: d.model,
    role: d.role,
    status: d.status,
    serial: d.serial ?? "",
    asset_tag: d.assetTag ?? "",
    placement: d.placement,
    cabinet_id: d.cabinetId === null ? "" : String(d.cabinetId),
    u: d.uLow === null ? "" : String(d.uLow),
    face: d.face ?? "front",
    chassis: d.chassis ?? "",
    bay: d.bay === null ? "" : String(d.bay),
    power: d.power.join(";"),
    primary_ip: d.primaryIp ?? "",
    oob_ip: d.oobIp ?? "",
    os: d.os,
    notes: d.notes,
  };
}

export const FIELD_LABELS: Record<string, string> = {
  hostname: "Hostname",
  model: "Model",
  role: "Role",
  status: "Status",
  serial: "Service tag",
  asset_tag: "Asset tag",
  placement: "Placement",
  cabinet_id: "Cabinet",
  u: "Lowest U",
  face: "Face",
  chassis: "Chassis",
  bay: "Bay",
  power: "Power feeds",
  primary_ip: "Primary IP",
  oob_ip: "Out-of-band IP",
  os: "OS",
  notes: "Notes",
};
