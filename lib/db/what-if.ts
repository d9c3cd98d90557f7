import "server-only";
// The what-if page's one write: a work order for the hosts a scenario leaves down with nobody able to bring
// them back remotely. The impact is worked out again here from the scenario itself, never taken from the
// browser, so the order lists exactly what the engine says needs hands now.
import type { AuditActor } from "./audit";
import { getFailureIndex } from "./failure-snapshot";
import { createWorkOrder } from "./work-orders";
import { computeImpactForRefs } from "../domain/impact";

export type HandsWorkOrderResult = { ok: true; id: number; items: number } | { ok: false; error: string };

const TITLE_MAX = 200;
const NOTE_MAX = 2000;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// "Power-cycle: device:tor-a01-a, device:tor-a01-b failed" (long scenarios end in "and N more")
export function scenarioTitle(refs: readonly string[]): string {
  const shown: string[] = [];
  for (const ref of refs) {
    const next = [...shown, ref];
    const more = refs.length - next.length;
    const text = `Power-cycle: ${next.join(", ")}${more > 0 ? ` and ${more} more` : ""} failed`;
    if (text.length > TITLE_MAX && shown.length > 0) break;
    shown.push(ref);
  }
  const more = refs.length - shown.length;
  return clip(`Power-cycle: ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""} failed`, TITLE_MAX);
}

export async function createHandsWorkOrder(input: {
  refs: readonly string[];
  scenarioUrl: string;
  createdById: string | null;
  actor: AuditActor;
}): Promise<HandsWorkOrderResult> {
  if (input.refs.length === 0) return { ok: false, error: "Pick at least one failure domain first." };
  const result = computeImpactForRefs(await getFailureIndex(), input.refs);
  if (!result.ok) return { ok: false, error: result.errors.map((e) => e.message).join("; ") };
  const { needsHands, failed } = result.impact;
  if (needsHands.length === 0) return { ok: false, error: "No host in this scenario needs hands: every down host can be reached out of band." };
  const order = await createWorkOrder({
    title: scenarioTitle(failed),
    instructions:
      `Made from the what-if scenario ${input.scenarioUrl}.\n` +
      `These ${needsHands.length} hosts are down and cannot be brought back remotely (no power, or no working out-of-band management). ` +
      "Power-cycle each one, in the order listed; each item's note says why it is down.",
    items: needsHands.map((host) => ({
      hostname: host.hostname,
      action: "power_cycle" as const,
      note: clip([...host.reasons, ...host.handsReasons].join("; "), NOTE_MAX),
    })),
    createdById: input.createdById,
    actor: input.actor,
  });
  return { ok: true, id: order.id, items: needsHands.length };
}
