import { Badge } from "@/components/ui/badge";
import type { ServiceState } from "@/lib/domain/impact";

const tone = { ok: "ok", at_risk: "warn", outage: "danger" } as const;
const label: Record<ServiceState, string> = { ok: "ok", at_risk: "at risk", outage: "outage" };

export function ServiceStateBadge({ state }: { state: ServiceState }) {
  return <Badge tone={tone[state]}>{label[state]}</Badge>;
}
