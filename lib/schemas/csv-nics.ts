// One row of nics.csv (DESIGN.md): a network interface of a device, a bond, or an oob port.
import { z } from "zod";
import { boolCell, enumCell, hostnameCell, ipCell, macCell, nameCell, optionalCell, requiredCell, speedCell, textCell } from "./csv-values";

export const NIC_KINDS = ["nic", "bond", "oob"] as const;

export const csvNicRowSchema = z
  .object({
    hostname: requiredCell(hostnameCell, "Every row needs the hostname of the Nic's device."),
    name: requiredCell(nameCell("A Nic name", 200), "Every row needs a Nic name (eth0, bond0, Te1/0/7, ...)."),
    kind: optionalCell(enumCell(NIC_KINDS, "Nic kind")),
    mac: optionalCell(macCell),
    speed: optionalCell(speedCell),
    driver: optionalCell(textCell(200)),
    bond: optionalCell(nameCell("A bond name", 200)),
    bond_mode: optionalCell(textCell(200)),
    enabled: optionalCell(boolCell),
    ip: optionalCell(ipCell),
  })
  .superRefine((row, ctx) => {
    if (row.bond !== undefined && row.bond === row.name) {
      ctx.addIssue({ code: "custom", path: ["bond"], message: "A Nic cannot be a member of itself." });
    }
    if (row.bond !== undefined && row.kind !== undefined && row.kind !== "nic") {
      ctx.addIssue({ code: "custom", path: ["bond"], message: `Only a plain Nic (kind nic) can be a bond member; this one is a ${row.kind}.` });
    }
    if (row.bond_mode !== undefined && row.kind !== undefined && row.kind !== "bond") {
      ctx.addIssue({ code: "custom", path: ["bond_mode"], message: `Only a bond has a bond mode; this Nic is a ${row.kind}.` });
    }
  });

export type CsvNicRow = z.output<typeof csvNicRowSchema>;
