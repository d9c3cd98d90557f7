// One row of services.csv (DESIGN.md): a member of a service (a redundancy group) and its role.
import { z } from "zod";
import { hostnameCell, nameCell, optionalCell, requiredCell, textCell, wholeNumberCell } from "./csv-values";

export const csvServiceRowSchema = z.object({
  service: requiredCell(nameCell("A service name", 200), "Every row needs a service name."),
  hostname: requiredCell(hostnameCell, "Every row needs the hostname of a member."),
  role: optionalCell(textCell(200)),
  min_up: optionalCell(wholeNumberCell(1, 100_000)),
});

export type CsvServiceRow = z.output<typeof csvServiceRowSchema>;
