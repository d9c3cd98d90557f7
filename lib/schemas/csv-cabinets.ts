// One row of cabinets.csv (DESIGN.md): site, cabinet, room, height_u, power_feeds.
import { z } from "zod";
import { nameCell, optionalCell, powerFeedsCell, requiredCell, wholeNumberCell } from "./csv-values";

export const csvCabinetRowSchema = z.object({
  site: requiredCell(nameCell("A site name", 200), "Every row needs the site the cabinet is in."),
  cabinet: requiredCell(nameCell("A cabinet name", 200), "Every row needs a cabinet name."),
  room: optionalCell(nameCell("A room name", 200)),
  height_u: optionalCell(wholeNumberCell(1, 100)),
  power_feeds: optionalCell(powerFeedsCell),
});

export type CsvCabinetRow = z.output<typeof csvCabinetRowSchema>;
