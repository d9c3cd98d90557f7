import type { Impact } from "../domain/impact";

// The JSON of POST /api/v1/impact (DESIGN.md field names; more fields may be added, none renamed).
// Internal row ids are left out: hostnames and names are the keys scripts use.
export function impactJson(impact: Impact) {
  return {
    failed: impact.failed,
    down: impact.down.map((d) => ({ hostname: d.hostname, reasons: d.reasons, kind: d.kind, status: d.status })),
    degraded: impact.degraded.map((d) => ({ hostname: d.hostname, reasons: d.reasons, kind: d.kind, status: d.status })),
    needsHands: impact.needsHands.map((d) => ({
      hostname: d.hostname,
      reasons: d.reasons,
      handsReasons: d.handsReasons,
      site: d.site,
      room: d.room,
      cabinet: d.cabinet,
      uLow: d.uLow,
      chassis: d.chassis,
      bay: d.bay,
      kind: d.kind,
      status: d.status,
    })),
    services: impact.services.map((s) => ({
      name: s.name,
      state: s.state,
      up: s.up,
      total: s.total,
      minUp: s.minUp,
      down: s.down,
      degraded: s.degraded,
    })),
  };
}
