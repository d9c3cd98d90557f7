import "server-only";
// models.csv against the database: what exists (with how many devices use each model, and where
// the devices of a model whose height changes are racked), and the writes of a plan.
import type { ModelKind, ModelsPlan, ModelsSnapshot, ModelState, ModelWrite, RackedDevice } from "../import/plan-models";
import type { CsvModelRow } from "../schemas/csv-models";
import type { ValidRow } from "../import/validate";
import { insertStatement, query, runBatched, updateStatement, writeAudit, type Columns, type ImportTx, type Locate } from "./import-sql";

export async function loadModelsSnapshot(tx: ImportTx, rows: ValidRow<CsvModelRow>[]): Promise<ModelsSnapshot> {
  const found = await query<{
    id: number;
    name: string;
    manufacturer: string;
    kind: ModelKind;
    height_u: number;
    bays: number;
    bay_columns: number | null;
    bay_rows: number | null;
    devices: number;
    sample: string[];
  }>(
    tx,
    `SELECT m.id, m.name, m.manufacturer, m.kind::text AS kind, m.height_u, m.bays, m.bay_columns, m.bay_rows,
            (SELECT count(*)::int FROM device d WHERE d.model_id = m.id) AS devices,
            ARRAY(SELECT d.hostname FROM device d WHERE d.model_id = m.id ORDER BY d.hostname LIMIT 3) AS sample
       FROM model m WHERE m.name IN (SELECT unnest($1::text[]))`,
    [rows.map((r) => r.data.model)],
  );
  const models = new Map<string, ModelState>();
  for (const m of found) {
    models.set(m.name, {
      id: m.id,
      name: m.name,
      manufacturer: m.manufacturer,
      kind: m.kind,
      heightU: m.height_u,
      bays: m.bays,
      bayColumns: m.bay_columns,
      bayRows: m.bay_rows,
      devices: m.devices,
      deviceSample: m.sample,
    });
  }
  // only models whose height the file changes need their devices' neighbourhoods
  const resized = rows.flatMap((r) => {
    const m = models.get(r.data.model);
    return m && m.devices > 0 && r.data.height_u !== undefined && r.data.height_u !== m.heightU ? [m.id] : [];
  });
  let racked: RackedDevice[] = [];
  if (resized.length) {
    const devices = await query<{
      hostname: string;
      model_id: number;
      cabinet_id: number;
      cabinet: string;
      cabinet_height: number;
      u_low: number;
      u_height: number;
      face: "front" | "rear";
      full_depth: boolean;
    }>(
      tx,
      `SELECT d.hostname, d.model_id, d.cabinet_id, s.name || '/' || c.name AS cabinet, c.height_u AS cabinet_height,
              d.u_low, d.u_height, d.face::text AS face, d.full_depth
         FROM device d JOIN cabinet c ON c.id = d.cabinet_id JOIN site s ON s.id = c.site_id
        WHERE d.cabinet_id IN (SELECT cabinet_id FROM device WHERE model_id IN (SELECT unnest($1::int[])) AND cabinet_id IS NOT NULL)`,
      [resized],
    );
    racked = devices.map((d) => ({
      hostname: d.hostname,
      modelId: d.model_id,
      cabinetId: d.cabinet_id,
      cabinet: d.cabinet,
      cabinetHeight: d.cabinet_height,
      uLow: d.u_low,
      uHeight: d.u_height,
      face: d.face,
      fullDepth: d.full_depth,
    }));
  }
  return { models, racked };
}

const MODEL_COLUMNS: Columns<ModelWrite> = {
  name: ["text", (m) => m.name],
  manufacturer: ["text", (m) => m.manufacturer],
  kind: ["text", (m) => m.kind, "model_kind"],
  height_u: ["int", (m) => m.heightU],
  bays: ["int", (m) => m.bays],
  bay_columns: ["int", (m) => m.bayColumns],
  bay_rows: ["int", (m) => m.bayRows],
};

const MODEL_CONSTRAINT_COLUMNS: Record<string, string> = {
  model_name_key: "model",
  model_name_not_blank: "model",
  model_height_by_kind: "height_u",
  model_bays_only_on_chassis: "bays",
  model_bay_layout: "bay_layout",
  model_kind_fixed_in_use: "kind",
  device_no_overlap_front: "height_u",
  device_no_overlap_rear: "height_u",
  device_u_fits_cabinet: "height_u",
};

const locate: Locate<ModelWrite> = { rowOf: (m) => m.row, columnOf: (c) => (c ? (MODEL_CONSTRAINT_COLUMNS[c] ?? null) : null) };

export async function applyModelsPlan(tx: ImportTx, plan: ModelsPlan): Promise<void> {
  const created = await runBatched(tx, plan.creates, insertStatement("model", MODEL_COLUMNS, { returning: "id, name" }), locate);
  const ids = new Map(created.map(([id, name]) => [name as string, id as number]));
  for (const m of plan.creates) m.id = ids.get(m.name)!;
  const changed = Object.fromEntries(Object.entries(MODEL_COLUMNS).filter(([column]) => column !== "name")) as Columns<ModelWrite>;
  await runBatched(tx, plan.updates, updateStatement("model", { id: ["int", (m) => m.id], ...changed }), locate);
  await writeAudit(tx, [
    ...plan.creates.map((m) => ({ action: "create" as const, objectType: "model", objectId: m.id!, ...label(m) })),
    ...plan.updates.map((m) => ({ action: "update" as const, objectType: "model", objectId: m.id!, ...label(m) })),
  ]);
}

function label(m: ModelWrite) {
  return { objectLabel: m.audit.objectLabel, before: m.audit.before, after: m.audit.after };
}
