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
  items: z.array(workOrderItemSchema).min(1, { error: "A work order needs at least one item." }).max(1000),
});

export type NewWorkOrder = z.infer<typeof newWorkOrderSchema>;
