// The device edit form: the cells of devices.csv (csv-devices.ts), so a form and an import accept
// and refuse the same values with the same messages. The form picks a cabinet by id (from a list)
// where the CSV names site and cabinet, and says which of the three placements it means.
import { z } from "zod";
import { csvDeviceRowSchema } from "./csv-devices";
import { optionalCell, requiredCell, nameCell, wholeNumberCell } from "./csv-values";

const cells = csvDeviceRowSchema.shape;

export const PLACEMENTS = ["rack", "chassis", "unplaced"] as const;
export type DevicePlacementKind = (typeof PLACEMENTS)[number];

const idCell = wholeNumberCell(1, 2_147_483_647);

export const deviceFormSchema = z
  .object({
    hostname: cells.hostname,
    model: requiredCell(nameCell("A model name"), "Choose the device's model."),
    role: cells.role,
    status: cells.status,
    serial: cells.serial,
    asset_tag: cells.asset_tag,
    placement: z.enum(PLACEMENTS, { error: "Choose where the device is: in a cabinet, in a chassis bay, or unplaced." }),
    cabinet_id: optionalCell(idCell),
    u: cells.u,
    face: cells.face,
    chassis: cells.chassis,
    bay: cells.bay,
    power: cells.power,
    primary_ip: cells.primary_ip,
    oob_ip: cells.oob_ip,
    os: cells.os,
    notes: cells.notes,
  })
  .superRefine((form, ctx) => {
    const need = (ok: boolean, path: string, message: string) => {
      if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
    };
    if (form.placement === "rack") {
      need(form.cabinet_id !== undefined, "cabinet_id", "Choose the cabinet.");
      need(form.u !== undefined, "u", "Give the lowest U the device takes.");
    }
    if (form.placement === "chassis") {
      need(form.chassis !== undefined, "chassis", "Give the chassis' hostname.");
      need(form.bay !== undefined, "bay", "Give the bay number.");
      need(form.chassis?.toLowerCase() !== form.hostname.toLowerCase(), "chassis", "A device cannot sit in its own chassis.");
    }
    if (form.placement !== "rack") need(form.power === undefined, "power", "Only a racked device draws on its cabinet's feeds: leave power empty.");
  });

export type DeviceFormInput = z.output<typeof deviceFormSchema>;

// the hidden fields of an edit form: which row, and the version it was loaded at
export const versionedRefSchema = z.object({
  id: optionalCell(idCell),
  version: optionalCell(idCell),
});
