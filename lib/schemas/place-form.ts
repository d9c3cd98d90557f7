// The site and room edit forms, from the same cells as the CSV files (a site and a room are named
// in cabinets.csv with these rules).
import { z } from "zod";
import { nameCell, optionalCell, requiredCell, textCell } from "./csv-values";

export const siteFormSchema = z.object({
  name: requiredCell(nameCell("A site name", 200), "Give the site a name."),
  address: optionalCell(textCell(1000)),
  remote_hands_phone: optionalCell(textCell(200)),
  remote_hands_email: optionalCell(textCell(200)),
  access_notes: optionalCell(textCell(10_000)),
});

export type SiteFormInput = z.output<typeof siteFormSchema>;

export const roomFormSchema = z.object({
  name: requiredCell(nameCell("A room name", 200), "Give the room a name."),
  notes: optionalCell(textCell(10_000)),
});

export type RoomFormInput = z.output<typeof roomFormSchema>;
