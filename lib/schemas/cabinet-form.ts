// The cabinet edit form: the cells of cabinets.csv (csv-cabinets.ts), so a form and an import accept
// the same names and heights with the same messages. The site is fixed (a cabinet does not change
// site: its devices' places and feeds' sources belong to it); notes are the form's own.
import { z } from "zod";
import { csvCabinetRowSchema } from "./csv-cabinets";
import { optionalCell, requiredCell, textCell, wholeNumberCell } from "./csv-values";

const cells = csvCabinetRowSchema.shape;

export const cabinetFormSchema = z.object({
  cabinet: cells.cabinet,
  room: cells.room,
  height_u: requiredCell(wholeNumberCell(1, 100), "Give the cabinet's height in U."),
  notes: optionalCell(textCell(10_000)),
});

export type CabinetFormInput = z.output<typeof cabinetFormSchema>;
