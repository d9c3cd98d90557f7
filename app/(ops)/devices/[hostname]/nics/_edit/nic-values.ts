// A Nic's values as its form's fields spell them (the names of nics.csv).
import type { NicEditValues } from "@/lib/db/edit-nics";
import { formatSpeed } from "@/lib/schemas/csv-values";

export function nicFormValues(n: NicEditValues): Record<string, string> {
  return {
    name: n.name,
    kind: n.kind,
    mac: n.mac ?? "",
    speed: formatSpeed(n.speedMbps),
    driver: n.driver ?? "",
    bond: n.bond ?? "",
    bond_mode: n.bondMode ?? "",
    enabled: n.enabled ? "yes" : "no",
    ip: n.ip ?? "",
  };
}
