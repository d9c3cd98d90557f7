// The cabinet edit form: the cells of cabinets.csv (csv-cabinets.ts), so a form and an import accept
// the same names and heights with the same messages. The site is fixed (a cabinet does not change
// site: its devices' places and feeds' sources belong to it); notes are the form's own. The feed
// list (A:UPS-1;B:UPS-2) is the whole list: left out, the feeds stay as they are; blank, none.
import { z } from "zod";
import { csvCabinetRowSchema } from "./csv-cabinets";
import { optionalCell, powerFeedsCell, requiredCell, textCell, wholeNumberCell, type FeedSpec } from "./csv-values";

const cells = csvCabinetRowSchema.shape;

export const cabinetFormSchema = z.object({
  cabinet: cells.cabinet,
  room: cells.room,
  height_u: requiredCell(wholeNumberCell(1, 100), "Give the cabinet's height in U."),
  notes: optionalCell(textCell(10_000)),
  power_feeds: z
    .string()
    .optional()
    .transform((raw, ctx): FeedSpec[] | undefined => {
      if (raw === undefined) return undefined;
      if (raw.trim() === "") return [];
      const parsed = powerFeedsCell.safeParse(raw);
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: "custom", message: parsed.error.issues[0]!.message });
      return z.NEVER;
    }),
});

export type CabinetFormInput = z.output<typeof cabinetFormSchema>;
