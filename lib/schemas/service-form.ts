// The service edit form: the cells of services.csv (csv-services.ts) for its name, minimum and
// members' hostnames and roles, the members written one a line as "hostname role".
import { z } from "zod";
import { csvServiceRowSchema } from "./csv-services";
import { optionalCell, textCell, wholeNumberCell, requiredCell } from "./csv-values";

const cells = csvServiceRowSchema.shape;

export type ServiceMemberInput = { hostname: string; role: string };

export const serviceFormSchema = z.object({
  service: cells.service,
  description: optionalCell(textCell(2000)),
  min_up: requiredCell(wholeNumberCell(1, 100_000), "Give the number of members that must be up (at least 1)."),
  members: optionalCell(z.string()).transform((raw, ctx): ServiceMemberInput[] => {
    const members: ServiceMemberInput[] = [];
    const seen = new Set<string>();
    for (const [i, line] of (raw ?? "").split("\n").entries()) {
      const [host = "", ...role] = line.trim().split(/\s+/);
      if (host === "") continue;
      const hostname = cells.hostname.safeParse(host);
      const parsedRole = cells.role.safeParse(role.join(" "));
      if (!hostname.success || !parsedRole.success) {
        ctx.addIssue({ code: "custom", message: `Line ${i + 1}: ${(hostname.error ?? parsedRole.error)!.issues[0]!.message}` });
        return z.NEVER;
      }
      if (seen.has(hostname.data.toLowerCase())) {
        ctx.addIssue({ code: "custom", message: `Line ${i + 1}: ${hostname.data} is listed twice.` });
        return z.NEVER;
      }
      seen.add(hostname.data.toLowerCase());
      members.push({ hostname: hostname.data, role: parsedRole.data ?? "" });
    }
    return members;
  }),
});

export type ServiceFormInput = z.output<typeof serviceFormSchema>;
