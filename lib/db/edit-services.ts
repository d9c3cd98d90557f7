import "server-only";
// Edit and delete one service (a redundancy group): its name, minimum up, description and members.
// Deleting a service deletes only the group, never its devices.
import type { ServiceFormInput } from "../schemas/service-form";
import type { AuditActor } from "./audit";
import { db } from "./client";
import { EditRefused, lockVersioned, refuse, rows, runEdit, updateVersioned, writeEditAudit, type EditOutcome, type EditTx } from "./edit-common";

export type ServiceEditValues = { id: number; version: number; name: string; description: string; minUp: number; members: { hostname: string; role: string }[] };

export async function getServiceForEdit(key: { name: string } | { id: number }): Promise<ServiceEditValues | null> {
  const s = await db().service.findUnique({
    where: "id" in key ? { id: key.id } : { name: key.name },
    select: { id: true, version: true, name: true, description: true, minUp: true, members: { select: { role: true, device: { select: { hostname: true } } } } },
  });
  if (!s) return null;
  const members = s.members.map((m) => ({ hostname: m.device.hostname, role: m.role })).sort((a, b) => (a.hostname < b.hostname ? -1 : 1));
  return { id: s.id, version: s.version, name: s.name, description: s.description, minUp: s.minUp, members };
}

export function formatMembers(members: readonly { hostname: string; role: string }[]): string {
  return members.map((m) => `${m.hostname}${m.role ? ` ${m.role}` : ""}`).join("\n");
}

async function serviceState(tx: EditTx, id: number) {
  const [s] = await rows<{ service: string; description: string; min_up: number }>(tx, "SELECT name AS service, description, min_up FROM service WHERE id = $1", [id]);
  const members = await rows<{ hostname: string; role: string }>(
    tx,
    `SELECT d.hostname, m.role FROM service_member m JOIN device d ON d.id = m.device_id WHERE m.service_id = $1 ORDER BY d.hostname COLLATE "C"`,
    [id],
  );
  return { ...s!, members: members.map((m) => (m.role ? `${m.hostname} (${m.role})` : m.hostname)) };
}

const FIELD_OF: Record<string, string> = { service_name_key: "service", service_name_not_blank: "service", service_min_up_positive: "min_up" };

export async function updateService(options: { id: number; version: number; input: ServiceFormInput; actor: AuditActor }): Promise<EditOutcome<{ name: string }>> {
  const { input } = options;
  return runEdit(
    options.actor,
    async (tx) => {
      const current = await lockVersioned(tx, { table: "service", objectType: "service", id: options.id, version: options.version, select: "t.id, t.version", what: "service" });
      const before = await serviceState(tx, current.id);
      const [namesake] = await rows(tx, "SELECT 1 FROM service WHERE name = $1 AND id <> $2", [input.service, current.id]);
      if (namesake) refuse(`A service named ${input.service} already exists.`, "service");
      const found = await rows<{ id: number; hostname: string }>(
        tx,
        "SELECT id, hostname FROM device WHERE lower(hostname) = ANY($1::text[])",
        [input.members.map((m) => m.hostname.toLowerCase())],
      );
      const idOf = new Map(found.map((d) => [d.hostname.toLowerCase(), d.id]));
      const unknown = input.members.filter((m) => !idOf.has(m.hostname.toLowerCase())).map((m) => m.hostname);
      if (unknown.length) refuse(`No device is named ${unknown.join(", ")}.`, "members", unknown);
      await updateVersioned(tx, {
        table: "service",
        id: current.id,
        version: current.version,
        set: { name: input.service, description: input.description ?? "", min_up: input.min_up },
      });
      await tx.client.query("DELETE FROM service_member WHERE service_id = $1", [current.id]);
      await tx.client.query("INSERT INTO service_member (service_id, device_id, role) SELECT $1, u.device_id, u.role FROM unnest($2::int[], $3::text[]) AS u(device_id, role)", [
        current.id,
        input.members.map((m) => idOf.get(m.hostname.toLowerCase())!),
        input.members.map((m) => m.role),
      ]);
      const after = await serviceState(tx, current.id);
      await writeEditAudit(tx, { action: "update", objectType: "service", objectId: current.id, objectLabel: input.service, before, after });
      return { name: input.service };
    },
    (constraint) => (constraint ? (FIELD_OF[constraint] ?? null) : null),
  );
}

export async function deleteService(options: { id: number; version: number; actor: AuditActor }): Promise<EditOutcome<{ name: string }>> {
  return runEdit(options.actor, async (tx) => {
    const current = await lockVersioned(tx, { table: "service", objectType: "service", id: options.id, version: options.version, select: "t.id, t.version", what: "service" });
    const before = await serviceState(tx, current.id);
    const result = await tx.client.query("DELETE FROM service WHERE id = $1 AND version = $2", [current.id, options.version]);
    if (result.rowCount !== 1) throw new EditRefused({ ok: false, reason: "not_found", message: "That service no longer exists: someone deleted it." });
    await writeEditAudit(tx, { action: "delete", objectType: "service", objectId: current.id, objectLabel: before.service, before, after: null });
    return { name: before.service };
  });
}
