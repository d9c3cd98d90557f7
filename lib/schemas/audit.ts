import { z } from "zod";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Dates are YYYY-MM-DD." })
  .transform((s) => new Date(`${s}T00:00:00Z`));

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const auditFilterSchema = z.object({
  objectType: optional(z.string().trim().max(50)),
  objectId: optional(z.string().trim().max(100)),
  actor: optional(z.string().trim().max(200)),
  batchId: optional(z.string().trim().max(100)),
  from: optional(day),
  // inclusive: the whole of the "to" day
  to: optional(day.transform((d) => new Date(d.getTime() + 86_400_000 - 1))),
  before: optional(z.string().regex(/^\d+$/).transform((s) => BigInt(s))),
});
