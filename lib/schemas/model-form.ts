// The model edit form: a row of models.csv (csv-models.ts, with its cross-field rules) plus the
// depth, which the CSV leaves to the model's default and the form lets an editor set.
import { z } from "zod";
import { csvModelRowSchema } from "./csv-models";

export const modelFormSchema = z
  .object({ full_depth: z.enum(["on"]).optional() })
  .and(csvModelRowSchema)
  .superRefine((form, ctx) => {
    if (form.kind === undefined) ctx.addIssue({ code: "custom", path: ["kind"], message: "Choose the model's kind." });
    if (form.height_u === undefined) ctx.addIssue({ code: "custom", path: ["height_u"], message: "Give the height in U (0 for a sled)." });
  })
  .transform((form) => ({
    name: form.model,
    manufacturer: form.manufacturer ?? "",
    kind: form.kind!,
    heightU: form.height_u!,
    fullDepth: form.full_depth === "on",
    bays: form.bays ?? (form.bay_layout ? form.bay_layout.columns * form.bay_layout.rows : 0),
    bayColumns: form.bay_layout?.columns ?? null,
    bayRows: form.bay_layout?.rows ?? null,
  }));

export type ModelFormInput = z.output<typeof modelFormSchema>;
