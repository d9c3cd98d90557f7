// services.csv: service, hostname, role, min_up. One row per member; a service that does not exist
// yet is created with the first row (listed under alsoCreated). min_up belongs to the service, so
// the rows of one service must agree on it.
import type { CsvServiceRow } from "../schemas/csv-services";
import { compare, emptyPlan, Issues, type AuditNote, type PlanBase } from "./plan-common";
import type { ValidRow } from "./validate";

export type ServicesSnapshot = {
  services: Map<string, { id: number; name: string; minUp: number }>;
  // by lower-case hostname
  devices: Map<string, { id: number; hostname: string }>;
  // role of each membership, by service id + "\0" + device id
  members: Map<string, string>;
};

export type ServiceWrite = { row: number; id: number | null; name: string; minUp: number; audit: AuditNote };
export type MemberWrite = { row: number; service: string; serviceId: number | null; deviceId: number; hostname: string; role: string; audit: AuditNote };

export type ServicesPlan = PlanBase & {
  serviceCreates: ServiceWrite[];
  serviceUpdates: ServiceWrite[];
  memberCreates: MemberWrite[];
  memberUpdates: MemberWrite[];
};

export const DEFAULT_MIN_UP = 1;

export function planServices(rows: ValidRow<CsvServiceRow>[], snapshot: ServicesSnapshot): ServicesPlan {
  const plan: ServicesPlan = { ...emptyPlan(), serviceCreates: [], serviceUpdates: [], memberCreates: [], memberUpdates: [] };
  const issues = new Issues();

  // min_up, as the first row of each service that gives it says
  const minUp = new Map<string, { value: number; row: number }>();
  for (const { row, data } of rows) {
    if (data.min_up === undefined) continue;
    const first = minUp.get(data.service);
    if (first && first.value !== data.min_up) {
      issues.add(row, "min_up", `Service ${data.service} has min_up ${first.value} on row ${first.row}: a service has one min_up, so give the same on every row (or leave it empty).`);
    } else if (!first) {
      minUp.set(data.service, { value: data.min_up, row });
    }
  }

  const seen = new Set<string>();
  for (const { row, data } of rows) {
    if (issues.has(row)) continue;
    const device = snapshot.devices.get(data.hostname.toLowerCase());
    if (!device) {
      issues.add(row, "hostname", `Device ${data.hostname} does not exist: add it in devices.csv first.`);
      continue;
    }
    const service = snapshot.services.get(data.service) ?? null;
    let serviceChanged = false;
    if (!seen.has(data.service)) {
      seen.add(data.service);
      const wanted = minUp.get(data.service)?.value;
      if (!service) {
        const value = wanted ?? DEFAULT_MIN_UP;
        plan.serviceCreates.push({
          row,
          id: null,
          name: data.service,
          minUp: value,
          audit: { objectType: "service", objectLabel: data.service, before: null, after: { name: data.service, min_up: value } },
        });
        plan.alsoCreated.push({ type: "service", key: data.service });
      } else if (wanted !== undefined && wanted !== service.minUp) {
        const at = minUp.get(data.service)!.row;
        plan.serviceUpdates.push({
          row: at,
          id: service.id,
          name: data.service,
          minUp: wanted,
          audit: { objectType: "service", objectLabel: data.service, before: { min_up: service.minUp }, after: { min_up: wanted } },
        });
      }
    }
    if (service && minUp.get(data.service)?.row === row && minUp.get(data.service)!.value !== service.minUp) serviceChanged = true;

    const current = service ? snapshot.members.get(`${service.id}\u0000${device.id}`) : undefined;
    const role = data.role ?? current ?? "";
    const label = `${data.service}/${device.hostname}`;
    const after = { service: data.service, hostname: device.hostname, role };
    if (current === undefined) {
      plan.memberCreates.push({ row, service: data.service, serviceId: service?.id ?? null, deviceId: device.id, hostname: device.hostname, role, audit: { objectType: "service_member", objectLabel: label, before: null, after } });
      plan.outcomes.set(row, "create");
      continue;
    }
    const before = { service: data.service, hostname: device.hostname, role: current };
    const memberOutcome = compare(before, after);
    if (memberOutcome === "update") {
      plan.memberUpdates.push({ row, service: data.service, serviceId: service!.id, deviceId: device.id, hostname: device.hostname, role, audit: { objectType: "service_member", objectLabel: label, before, after } });
    }
    plan.outcomes.set(row, memberOutcome === "update" || serviceChanged ? "update" : "unchanged");
  }
  plan.issues = issues.list;
  return plan;
}
