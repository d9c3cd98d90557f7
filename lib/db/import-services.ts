import "server-only";
// services.csv against the database: the services and devices the file names and their
// memberships; and the writes of a plan.
import type { MemberWrite, ServicesPlan, ServicesSnapshot, ServiceWrite } from "../import/plan-services";
import type { ValidRow } from "../import/validate";
import type { CsvServiceRow } from "../schemas/csv-services";
import { query, runBatched, writeAudit, type AuditWrite, type ImportTx, type Locate } from "./import-sql";

export async function loadServicesSnapshot(tx: ImportTx, rows: ValidRow<CsvServiceRow>[]): Promise<ServicesSnapshot> {
  const services = new Map<string, { id: number; name: string; minUp: number }>();
  for (const s of await query<{ id: number; name: string; min_up: number }>(tx, "SELECT id, name, min_up FROM service WHERE name IN (SELECT unnest($1::text[]))", [
    [...new Set(rows.map((r) => r.data.service))],
  ])) {
    services.set(s.name, { id: s.id, name: s.name, minUp: s.min_up });
  }
  const devices = new Map<string, { id: number; hostname: string }>();
  for (const d of await query<{ id: number; hostname: string }>(tx, "SELECT id, hostname FROM device WHERE lower(hostname) IN (SELECT unnest($1::text[]))", [
    [...new Set(rows.map((r) => r.data.hostname.toLowerCase()))],
  ])) {
    devices.set(d.hostname.toLowerCase(), d);
  }
  const members = new Map<string, string>();
  for (const m of await query<{ service_id: number; device_id: number; role: string }>(
    tx,
    "SELECT service_id, device_id, role FROM service_member WHERE service_id IN (SELECT unnest($1::int[]))",
    [[...services.values()].map((s) => s.id)],
  )) {
    members.set(`${m.service_id}\u0000${m.device_id}`, m.role);
  }
  return { services, devices, members };
}

const SERVICE_COLUMNS: Record<string, string> = {
  service_name_key: "service",
  service_name_not_blank: "service",
  service_min_up_positive: "min_up",
  service_member_pkey: "hostname",
};

function locate<R extends { row: number }>(): Locate<R> {
  return { rowOf: (r) => r.row, columnOf: (c) => (c ? (SERVICE_COLUMNS[c] ?? null) : null) };
}

export async function applyServicesPlan(tx: ImportTx, plan: ServicesPlan): Promise<void> {
  const audit: AuditWrite[] = [];
  const created = await runBatched(
    tx,
    plan.serviceCreates,
    (batch: readonly ServiceWrite[]) => ({
      text: "INSERT INTO service (name, min_up) SELECT * FROM unnest($1::text[], $2::int[]) RETURNING id, name",
      values: [batch.map((s) => s.name), batch.map((s) => s.minUp)],
    }),
    locate<ServiceWrite>(),
  );
  const serviceIds = new Map(created.map(([id, name]) => [name as string, id as number]));
  for (const s of plan.serviceCreates) {
    s.id = serviceIds.get(s.name)!;
    audit.push({ action: "create", objectType: "service", objectId: s.id, objectLabel: s.name, before: null, after: s.audit.after });
  }
  await runBatched(
    tx,
    plan.serviceUpdates,
    (batch) => ({
      text: `UPDATE service AS t SET min_up = u.min_up, version = t.version + 1, updated_at = CURRENT_TIMESTAMP
               FROM unnest($1::int[], $2::int[]) AS u(id, min_up) WHERE t.id = u.id`,
      values: [batch.map((s) => s.id), batch.map((s) => s.minUp)],
    }),
    locate<ServiceWrite>(),
  );
  for (const s of plan.serviceUpdates) audit.push({ action: "update", objectType: "service", objectId: s.id!, objectLabel: s.name, before: s.audit.before, after: s.audit.after });

  const serviceId = (m: MemberWrite) => m.serviceId ?? serviceIds.get(m.service)!;
  await runBatched(
    tx,
    plan.memberCreates,
    (batch) => ({
      text: "INSERT INTO service_member (service_id, device_id, role) SELECT * FROM unnest($1::int[], $2::int[], $3::text[])",
      values: [batch.map(serviceId), batch.map((m) => m.deviceId), batch.map((m) => m.role)],
    }),
    locate<MemberWrite>(),
  );
  await runBatched(
    tx,
    plan.memberUpdates,
    (batch) => ({
      text: `UPDATE service_member AS t SET role = u.role FROM unnest($1::int[], $2::int[], $3::text[]) AS u(service_id, device_id, role)
              WHERE t.service_id = u.service_id AND t.device_id = u.device_id`,
      values: [batch.map(serviceId), batch.map((m) => m.deviceId), batch.map((m) => m.role)],
    }),
    locate<MemberWrite>(),
  );
  for (const m of plan.memberCreates) {
    audit.push({ action: "create", objectType: "service_member", objectId: `${serviceId(m)}:${m.deviceId}`, objectLabel: m.audit.objectLabel, before: null, after: m.audit.after });
  }
  for (const m of plan.memberUpdates) {
    audit.push({ action: "update", objectType: "service_member", objectId: `${serviceId(m)}:${m.deviceId}`, objectLabel: m.audit.objectLabel, before: m.audit.before, after: m.audit.after });
  }
  await writeAudit(tx, audit);
}
