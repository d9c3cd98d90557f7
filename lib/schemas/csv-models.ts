// One row of models.csv (DESIGN.md): model, manufacturer, kind, height_u, bays, bay_layout.
import { z } from "zod";
import { bayLayoutCell, enumCell, nameCell, optionalCell, requiredCell, textCell, wholeNumberCell } from "./csv-values";

export const MODEL_KINDS = ["chassis", "sled", "server", "switch", "storage", "pdu", "other"] as const;

export const csvModelRowSchema = z
  .object({
    model: requiredCell(nameCell("A model name"), "Every row needs a model name."),
    manufacturer: optionalCell(textCell(200)),
    kind: optionalCell(enumCell(MODEL_KINDS, "model kind")),
    height_u: optionalCell(wholeNumberCell(0, 100)),
    bays: optionalCell(wholeNumberCell(0, 256)),
    bay_layout: optionalCell(bayLayoutCell),
  })
  .superRefine((row, ctx) => {
    if (row.bay_layout && row.bays !== undefined && row.bay_layout.columns * row.bay_layout.rows !== row.bays) {
      ctx.addIssue({
        code: "custom",
        path: ["bay_layout"],
        message: `${row.bay_layout.columns}x${row.bay_layout.rows} holds ${row.bay_layout.columns * row.bay_layout.rows} bays, but bays says ${row.bays}.`,
      });
    }
    if (row.kind && row.kind !== "chassis" && ((row.bays ?? 0) > 0 || row.bay_layout)) {
      ctx.addIssue({ code: "custom", path: [row.bays ? "bays" : "bay_layout"], message: `Only a chassis has bays; this model is a ${row.kind}.` });
    }
    if (row.kind === "sled" && row.height_u !== undefined && row.height_u !== 0) {
      ctx.addIssue({ code: "custom", path: ["height_u"], message: "A sled has no U of its own: its height_u is 0 (or leave it empty)." });
    }
    if (row.kind && row.kind !== "sled" && row.height_u === 0) {
      ctx.addIssue({ code: "custom", path: ["height_u"], message: `A ${row.kind} is 1 to 100 U high; only a sled is 0.` });
    }
  });

export type CsvModelRow = z.output<typeof csvModelRowSchema>;
