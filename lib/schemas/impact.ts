import { z } from "zod";

// POST /api/v1/impact and the what-if page: the failed domains, as `type:key` references
export const MAX_FAILED_DOMAINS = 500;

export const impactRequestSchema = z.object({
  failed: z
    .array(z.string({ error: "each failed domain is a `type:key` string, e.g. cabinet:ORD1/C12" }).max(1000), {
      error: 'failed must be an array of `type:key` strings, e.g. {"failed": ["cabinet:ORD1/C12"]}',
    })
    .max(MAX_FAILED_DOMAINS, { error: `at most ${MAX_FAILED_DOMAINS} failed domains at once` }),
});

// the what-if page and its work-order action: `f` repeated in the query string or the form
export function scenarioRefs(values: readonly unknown[]): string[] {
  const refs: string[] = [];
  for (const value of values) {
    if (typeof value !== "string") continue;
    const ref = value.trim();
    if (ref !== "" && ref.length <= 1000 && !refs.includes(ref)) refs.push(ref);
  }
  return refs.slice(0, MAX_FAILED_DOMAINS);
}
