// The new-cabinet form: the cells of cabinets.csv (csv-cabinets.ts) for its name, height and power
// feeds (A:UPS-1;B:UPS-2), so a form and an import accept the same values with the same messages.
// The site and room come from the room the cabinet is created in; the height defaults to 42 U.
import { z } from "zod";
import { csvCabinetRowSchema } from "./csv-cabinets";
import { optionalCell, textCell, wholeNumberCell } from "./csv-values";

const cells = csvCabinetRowSchema.shape;

export const cabinetCreateFormSchema = z.object({
  cabinet: cells.cabinet,
  height_u: optionalCell(wholeNumberCell(1, 100)).transform((h) => h ?? 42),
  power_feeds: cells.power_feeds,
  notes: optionalCell(textCell(10_000)),
});

export type CabinetCreateInput = z.output<typeof cabinetCreateFormSchema>;
