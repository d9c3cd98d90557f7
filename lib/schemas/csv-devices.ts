// One row of devices.csv (DESIGN.md): racked (site + cabinet + u, face), in a chassis (chassis +
// bay) or unplaced; power names feeds of the device's cabinet.
import { z } from "zod";
import {
  enumCell,
  hostnameCell,
  ipCell,
  nameCell,
  optionalCell,
  powerListCell,
  requiredCell,
  textCell,
  wholeNumberCell,
} from "./csv-values";

export const DEVICE_STATUSES = ["active", "planned", "staged", "failed", "offline", "decommissioning", "inventory"] as const;
export const FACES = ["front", "rear"] as const;

export const csvDeviceRowSchema = z
  .object({
    hostname: requiredCell(hostnameCell, "Every row needs a hostname."),
    model: optionalCell(nameCell("A model name")),
    role: optionalCell(textCell(200)),
    status: optionalCell(enumCell(DEVICE_STATUSES, "device status")),
    serial: optionalCell(textCell(200)),
    asset_tag: optionalCell(textCell(200)),
    site: optionalCell(nameCell("A site name", 200)),
    cabinet: optionalCell(nameCell("A cabinet name", 200)),
    u: optionalCell(wholeNumberCell(1, 100)),
    face: optionalCell(enumCell(FACES, "face")),
    chassis: optionalCell(hostnameCell),
    bay: optionalCell(wholeNumberCell(1, 256)),
    power: optionalCell(powerListCell),
    oob_ip: optionalCell(ipCell),
    primary_ip: optionalCell(ipCell),
    os: optionalCell(textCell(200)),
    notes: optionalCell(textCell(10_000)),
  })
  .superRefine((row, ctx) => {
    const racked = row.cabinet !== undefined || row.u !== undefined || row.face !== undefined;
    const bayed = row.chassis !== undefined || row.bay !== undefined;
    if (racked && bayed) {
      const column = row.chassis !== undefined ? "chassis" : "bay";
      ctx.addIssue({
        code: "custom",
        path: [column],
        message: "A device is racked (cabinet and u) or in a chassis (chassis and bay), not both: leave one pair empty.",
      });
    }
    if (row.chassis !== undefined && row.hostname.toLowerCase() === row.chassis.toLowerCase()) {
      ctx.addIssue({ code: "custom", path: ["chassis"], message: "A device cannot sit in its own chassis." });
    }
  });

export type CsvDeviceRow = z.output<typeof csvDeviceRowSchema>;
