// One row of cables.csv (DESIGN.md): a cable between two ports, keyed by its label or, without
// one, by its a-end.
import { z } from "zod";
import { hostnameCell, nameCell, optionalCell } from "./csv-values";

export const csvCableRowSchema = z
  .object({
    a_host: optionalCell(hostnameCell),
    a_port: optionalCell(nameCell("A port name", 200)),
    b_host: optionalCell(hostnameCell),
    b_port: optionalCell(nameCell("A port name", 200)),
    label: optionalCell(nameCell("A cable label", 200)),
  })
  .superRefine((row, ctx) => {
    for (const end of ["a", "b"] as const) {
      const host = row[`${end}_host`];
      const port = row[`${end}_port`];
      if ((host === undefined) !== (port === undefined)) {
        ctx.addIssue({
          code: "custom",
          path: [host === undefined ? `${end}_host` : `${end}_port`],
          message: `Give the ${end}-end as a host and a port together.`,
        });
      }
    }
    if (row.label === undefined && (row.a_host === undefined || row.a_port === undefined)) {
      ctx.addIssue({ code: "custom", path: ["a_host"], message: "A cable without a label is known by its a-end: give a_host and a_port." });
    }
  });

export type CsvCableRow = z.output<typeof csvCableRowSchema>;
