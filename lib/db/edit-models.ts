import "server-only";
// Edit and delete one model. A change of height or depth reaches every device of the model (a
// trigger copies it), so it is checked against every cabinet those devices are in first: it
// succeeds everywhere or is refused naming the devices that would stick out or overlap.
import { formatURange } from "../domain/rack-layout";
import { blockersOf, type Occupant } from "../domain/rack-units";
import type { ModelFormInput } from "../schemas/model-form";
import type { AuditActor } from "./audit";
import { db } from "./client";
import { EditRefused, lockVersioned, refuse, rows, runEdit, updateVersioned, writeEditAudit, type EditOutcome, type EditTx } from "./edit-common";
import type { Face, ModelKind } from "./generated/enums";

export type ModelEditValues = {
  id: number;
  version: number;
  name: string;
  manufacturer: string;
  kind: ModelKind;
  heightU: number;
  fullDepth: boolean;
  bays: number;
  bayColumns: number | null;
  bayRows: number | null;
  deviceCount: number;
};

export async function getModelForEdit({ id }: { id: number }): Promise<ModelEditValues | null> {
  const m = await db().model.findUnique({
    where: { id },
    select: {
      id: true,
      version: true,
      name: true,
      manufacturer: true,
      kind: true,
      heightU: true,
      fullDepth: true,
      bays: true,
      bayColumns: true,
      bayRows: true,
    },
  });
  if (!m) return null;
  // counted on its own: a nested _count groups every device by model first (slow at 100k devices)
  return { ...m, deviceCount: await db().device.count({ where: { modelId: id } }) };
}

// the fields of a models.csv import's audit entries, plus the depth
async function modelState(tx: EditTx, id: number) {
  const [m] = await rows<Record<string, unknown>>(
    tx,
    `SELECT name AS model, manufacturer, kind::text AS kind, height_u, full_depth, bays,
            coalesce(bay_columns || 'x' || bay_rows, '') AS bay_layout
       FROM model WHERE id = $1`,
    [id],
  );
  return m!;
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

// Every racked device of the model at its new size, against everything in its cabinet (other
// devices of the model at their new size too).
async function checkResize(tx: EditTx, modelId: number, heightU: number, fullDepth: boolean): Promise<void> {
  const racked = await rows<{ id: number; hostname: string; model_id: number; u_low: number; u_height: number; face: Face; full_depth: boolean; cabinet: string; cabinet_height: number }>(
    tx,
    `SELECT d.id, d.hostname, d.model_id, d.u_low, d.u_height, d.face::text AS face, d.full_depth, c.name AS cabinet, c.height_u AS cabinet_height
       FROM device d JOIN cabinet c ON c.id = d.cabinet_id
      WHERE d.cabinet_id IN (SELECT cabinet_id FROM device WHERE model_id = $1 AND cabinet_id IS NOT NULL)
      ORDER BY c.name, d.u_low`,
    [modelId],
  );
  const resized = racked.map((d) => {
    const mine = d.model_id === modelId;
    const height = mine ? heightU : d.u_height;
    return { ...d, mine, occupant: { id: d.id, hostname: d.hostname, uLow: d.u_low, uHigh: d.u_low + height - 1, face: d.face, fullDepth: mine ? fullDepth : d.full_depth } as Occupant };
  });
  const problems: string[] = [];
  const names: string[] = [];
  for (const d of resized.filter((x) => x.mine)) {
    const where = `${formatURange(d.occupant.uLow, d.occupant.uHigh)} of ${d.cabinet}`;
    if (d.occupant.uHigh > d.cabinet_height) {
      problems.push(`${d.hostname} would stick out of ${d.cabinet} (${formatURange(d.occupant.uLow, d.occupant.uHigh)}, ${d.cabinet_height} U high)`);
      names.push(d.hostname);
      continue;
    }
    // two devices of this model that would overlap each other are named once
    const others = resized.filter((x) => x.cabinet === d.cabinet && x.id !== d.id && !(x.mine && names.includes(x.hostname))).map((x) => x.occupant);
    const blockers = blockersOf(others, d.occupant);
    if (blockers.length) {
      problems.push(`${d.hostname} would overlap ${joinNames(blockers.map((b) => b.hostname))} (${where})`);
      names.push(d.hostname);
    }
  }
  if (problems.length) {
    const shown = problems.slice(0, 5);
    refuse(`The new size does not fit where this model's devices are: ${shown.join("; ")}${problems.length > shown.length ? `; and ${problems.length - shown.length} more` : ""}.`, "height_u", names);
  }
}

const FIELD_OF: Record<string, string> = {
  model_name_key: "model",
  model_name_not_blank: "model",
  model_height_by_kind: "height_u",
  model_bays_only_on_chassis: "bays",
  model_bay_layout: "bay_layout",
  model_kind_fixed_in_use: "kind",
  device_no_overlap_front: "height_u",
  device_no_overlap_rear: "height_u",
};

export async function updateModel(options: { id: number; version: number; input: ModelFormInput; actor: AuditActor }): Promise<EditOutcome<{ id: number }>> {
  const { input } = options;
  return runEdit(
    options.actor,
    async (tx) => {
      const current = await lockVersioned<{ id: number; version: number; kind: ModelKind; height_u: number; full_depth: boolean }>(tx, {
        table: "model",
        objectType: "model",
        id: options.id,
        version: options.version,
        select: "t.id, t.version, t.kind::text AS kind, t.height_u, t.full_depth",
        what: "model",
      });
      const before = await modelState(tx, current.id);
      const [namesake] = await rows(tx, "SELECT 1 FROM model WHERE name = $1 AND id <> $2", [input.name, current.id]);
      if (namesake) refuse(`A model named ${input.name} already exists.`, "model");
      if (input.kind !== current.kind) {
        const users = await rows<{ hostname: string }>(tx, "SELECT hostname FROM device WHERE model_id = $1 ORDER BY hostname LIMIT 6", [current.id]);
        if (users.length) {
          refuse(`Devices use this model (${joinNames(users.slice(0, 5).map((u) => u.hostname))}${users.length > 5 ? " and more" : ""}), so its kind cannot change.`, "kind");
        }
      }
      if (input.heightU !== current.height_u || input.fullDepth !== current.full_depth) {
        // devices of the model are locked with their cabinets' contents by the update that follows;
        // the exclusion constraints stay the final guard against a placement committed meanwhile
        await checkResize(tx, current.id, input.heightU, input.fullDepth);
      }
      await updateVersioned(tx, {
        table: "model",
        id: current.id,
        version: current.version,
        set: {
          name: input.name,
          manufacturer: input.manufacturer,
          kind: input.kind,
          height_u: input.heightU,
          full_depth: input.fullDepth,
          bays: input.bays,
          bay_columns: input.bayColumns,
          bay_rows: input.bayRows,
        },
        casts: { kind: "model_kind" },
      });
      const after = await modelState(tx, current.id);
      await writeEditAudit(tx, { action: "update", objectType: "model", objectId: current.id, objectLabel: input.name, before, after });
      return { id: current.id };
    },
    (constraint) => (constraint ? (FIELD_OF[constraint] ?? null) : null),
  );
}

export async function deleteModel(options: { id: number; version: number; actor: AuditActor }): Promise<EditOutcome<{ name: string }>> {
  return runEdit(options.actor, async (tx) => {
    const current = await lockVersioned(tx, { table: "model", objectType: "model", id: options.id, version: options.version, select: "t.id, t.version", what: "model" });
    const before = await modelState(tx, current.id);
    const users = await rows<{ hostname: string }>(tx, "SELECT hostname FROM device WHERE model_id = $1 ORDER BY hostname", [current.id]);
    if (users.length) {
      refuse(`${users.length === 1 ? "A device uses" : `${users.length} devices use`} model ${String(before.model)}: give them another model first.`, null, users.map((u) => u.hostname));
    }
    const result = await tx.client.query("DELETE FROM model WHERE id = $1 AND version = $2", [current.id, options.version]);
    if (result.rowCount !== 1) throw new EditRefused({ ok: false, reason: "not_found", message: "That model no longer exists: someone deleted it." });
    await writeEditAudit(tx, { action: "delete", objectType: "model", objectId: current.id, objectLabel: String(before.model), before, after: null });
    return { name: String(before.model) };
  });
}
