import { z } from "zod";

export const WORK_ACTIONS = ["power_cycle", "inspect", "reseat_cable", "replace_part", "other"] as const;

export const workOrderItemSchema = z.object({
  hostname: z.string().trim().min(1, { error: "Each item needs a hostname." }).max(253),
  action: z.enum(WORK_ACTIONS, { error: `action is one of ${WORK_ACTIONS.join(", ")}` }),
  note: z.string().max(2000).optional(),
});

export const newWorkOrderSchema = z.object({
  title: z.string().trim().min(1, { error: "A work order needs a title." }).max(200),
  instructions: z.string().max(10_000).optional(),
  items: z.array(workOrderItemSchema).min(1, { error: "A work order needs at least one item." }).max(1000, { error: "A work order has at most 1000 items." }),
});

export type NewWorkOrder = z.infer<typeof newWorkOrderSchema>;

export const MAX_WORK_ORDER_ITEMS = 1000;

// The hostnames a "new work order" link carries: `?hosts=a,b,c` (the contract other pages link with)
// and `?hosts=a&hosts=b` (what a plain GET form of checkboxes sends), in order, without repeats.
export function hostsFromParam(raw: string | string[] | undefined): string[] {
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const hosts = values.flatMap((v) => v.split(/[\s,]+/)).filter((h) => h !== "");
  return [...new Set(hosts)].slice(0, MAX_WORK_ORDER_ITEMS);
}
