// "Now", as far as the inventory knows it: the impact of every device whose recorded status says it is not
// running (failed, offline). The services page and GET /api/v1/spof show each Service's state from this, so
// marking a TOR `failed` shows which services it has put at risk. The engine itself ignores status
// (failure-domains.md): a what-if answers "what falls if F fails", whatever is already down.
import { domainRefOf, type ResolvedDomain } from "./failure-domain";
import type { DeviceStatus, SnapshotIndex } from "./failure-snapshot";
import { computeImpact, type Impact } from "./impact";

export const DOWN_NOW_STATUSES: readonly DeviceStatus[] = ["failed", "offline"];

// device domains of every device recorded as failed or offline, in snapshot order
export function devicesDownNow(index: SnapshotIndex): ResolvedDomain[] {
  const domains: ResolvedDomain[] = [];
  for (const device of index.snapshot.devices) {
    if (DOWN_NOW_STATUSES.includes(device.status)) {
      domains.push({ type: "device", id: device.id, key: device.hostname, ref: domainRefOf(index, "device", device.id) });
    }
  }
  return domains;
}

export function currentImpact(index: SnapshotIndex): Impact {
  return computeImpact(index, devicesDownNow(index));
}
