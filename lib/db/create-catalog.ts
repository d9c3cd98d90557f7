import "server-only";
// Create a model and a service from their forms: one transaction with its audit row, a name
// already taken refused with a sentence, a service member that is not a device named.
import type { ModelFormInput } from "../schemas/model-form";
import type { ServiceFormInput } from "../schemas/service-form";
import type { AuditActor } from "./audit";
import { refuse, rows, runEdit, writeEditAudit, type EditOutcome } from "./edit-common";

const FIELD_OF: Record<string, string> = {
  model_name_key: "model",
  model_name_not_blank: "model",
  model_height_by_kind: "height_u",
  model_bays_only_on_chassis: "bays",
  model_bay_layout: "bay_layout",
  service_name_key: "service",
  service_name_not_blank: "service",
  service_min_up_positive: "min_up",
};
const fieldOf = (constraint: string | undefined) => (constraint ? (FIELD_OF[constraint] ?? null) : null);

export async function createModel(options: { input: ModelFormInput; actor: AuditActor }): Promise<EditOutcome<{ id: number }>> {
  const { input } = options;
  return runEdit(
    options.actor,
    async (tx) => {
      const [namesake] = await rows(tx, "SELECT 1 FROM model WHERE name = $1", [input.name]);
      if (namesake) refuse(`A model named ${input.name} already exists.`, "model");
      const [created] = await rows<{ id: number }>(
        tx,
        `INSERT INTO model (name, manufacturer, kind, height_u, full_depth, bays, bay_columns, bay_rows)
         VALUES ($1, $2, $3::model_kind, $4, $5, $6, $7, $8) RETURNING id`,
        [input.name, input.manufacturer, input.kind, input.heightU, input.fullDepth, input.bays, input.bayColumns, input.bayRows],
      );
      // the fields of the model edit's audit entries
      const after = {
        model: input.name,
        manufacturer: input.manufacturer,
        kind: input.kind,
        height_u: input.heightU,
        full_depth: input.fullDepth,
        bays: input.bays,
        bay_layout: input.bayColumns ? `${input.bayColumns}x${input.bayRows}` : "",
      };
      await writeEditAudit(tx, { action: "create", objectType: "model", objectId: created!.id, objectLabel: input.name, before: null, after });
      return { id: created!.id };
    },
    fieldOf,
  );
}

export async function createService(options: { input: ServiceFormInput; actor: AuditActor }): Promise<EditOutcome<{ name: string }>> {
  const { input } = options;
  return runEdit(
    options.actor,
    async (tx) => {
      const [namesake] = await rows(tx, "SELECT 1 FROM service WHERE name = $1", [input.service]);
      if (namesake) refuse(`A service named ${input.service} already exists.`, "service");
      const found = await rows<{ id: number; hostname: string }>(tx, "SELECT id, hostname FROM device WHERE lower(hostname) = ANY($1::text[])", [
        input.members.map((m) => m.hostname.toLowerCase()),
      ]);
      const idOf = new Map(found.map((d) => [d.hostname.toLowerCase(), d]));
      const unknown = input.members.filter((m) => !idOf.has(m.hostname.toLowerCase())).map((m) => m.hostname);
      if (unknown.length) refuse(`No device is named ${unknown.join(", ")}.`, "members", unknown);
      const [created] = await rows<{ id: number }>(tx, "INSERT INTO service (name, description, min_up) VALUES ($1, $2, $3) RETURNING id", [
        input.service,
        input.description ?? "",
        input.min_up,
      ]);
      await tx.client.query("INSERT INTO service_member (service_id, device_id, role) SELECT $1, u.device_id, u.role FROM unnest($2::int[], $3::text[]) AS u(device_id, role)", [
        created!.id,
        input.members.map((m) => idOf.get(m.hostname.toLowerCase())!.id),
        input.members.map((m) => m.role),
      ]);
      // the fields of the service edit's audit entries, members as "hostname (role)" in code-unit order
      const members = input.members
        .map((m) => ({ hostname: idOf.get(m.hostname.toLowerCase())!.hostname, role: m.role }))
        .sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0))
        .map((m) => (m.role ? `${m.hostname} (${m.role})` : m.hostname));
      await writeEditAudit(tx, {
        action: "create",
        objectType: "service",
        objectId: created!.id,
        objectLabel: input.service,
        before: null,
        after: { service: input.service, description: input.description ?? "", min_up: input.min_up, members },
      });
      return { name: input.service };
    },
    fieldOf,
  );
}
