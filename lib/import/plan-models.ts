// models.csv: model, manufacturer, kind, height_u, bays, bay_layout. A model in use keeps its kind,
// and a height change must leave every device of the model fitting its cabinet without overlaps.
import type { CsvModelRow } from "../schemas/csv-models";
import { formatBayLayout } from "../schemas/csv-values";
import { collision, compare, emptyPlan, Issues, listNames, unitsText, type AuditNote, type Occupant, type PlanBase } from "./plan-common";
import type { ValidRow } from "./validate";

export type ModelKind = "chassis" | "sled" | "server" | "switch" | "storage" | "pdu" | "other";

export type ModelState = {
  id: number;
  name: string;
  manufacturer: string;
  kind: ModelKind;
  heightU: number;
  bays: number;
  bayColumns: number | null;
  bayRows: number | null;
  // how many devices use it, and a few of their hostnames
  devices: number;
  deviceSample: string[];
};

// racked devices in cabinets that hold a device of a model whose height the file changes
export type RackedDevice = Occupant & { modelId: number; cabinetId: number; cabinet: string; cabinetHeight: number };

export type ModelsSnapshot = { models: Map<string, ModelState>; racked: RackedDevice[] };

export type ModelValues = {
  name: string;
  manufacturer: string;
  kind: ModelKind;
  heightU: number;
  bays: number;
  bayColumns: number | null;
  bayRows: number | null;
};

export type ModelWrite = ModelValues & { row: number; id: number | null; audit: AuditNote };

export type ModelsPlan = PlanBase & { creates: ModelWrite[]; updates: ModelWrite[] };

function auditValues(m: ModelValues) {
  return {
    model: m.name,
    manufacturer: m.manufacturer,
    kind: m.kind,
    height_u: m.heightU,
    bays: m.bays,
    bay_layout: formatBayLayout(m.bayColumns, m.bayRows),
  };
}

export function planModels(rows: ValidRow<CsvModelRow>[], snapshot: ModelsSnapshot): ModelsPlan {
  const plan: ModelsPlan = { ...emptyPlan(), creates: [], updates: [] };
  const issues = new Issues();
  const heightChanges = new Map<number, { row: number; name: string; height: number }>();

  for (const { row, data } of rows) {
    const existing = snapshot.models.get(data.model) ?? null;
    const kind = data.kind ?? existing?.kind;
    if (!kind) {
      issues.add(row, "kind", `A new model needs a kind: chassis, sled, server, switch, storage, pdu or other.`);
      continue;
    }
    if (existing && kind !== existing.kind && existing.devices > 0) {
      issues.add(
        row,
        "kind",
        `Model ${existing.name} is a ${existing.kind} used by ${existing.devices} device${existing.devices === 1 ? "" : "s"} (${listNames(existing.deviceSample, 3)}); its kind cannot change to ${kind}.`,
      );
      continue;
    }
    const sled = kind === "sled";
    const keepHeight = existing && (existing.kind === "sled") === sled;
    const heightU = data.height_u ?? (keepHeight ? existing.heightU : sled ? 0 : 1);
    if (sled && heightU !== 0) {
      issues.add(row, "height_u", "A sled has no U of its own: its height_u is 0 (or leave it empty).");
      continue;
    }
    if (!sled && heightU === 0) {
      issues.add(row, "height_u", `A ${kind} is 1 to 100 U high; only a sled is 0.`);
      continue;
    }

    let bays: number;
    let layout: { columns: number; rows: number } | null;
    if (kind !== "chassis") {
      if ((data.bays ?? 0) > 0 || data.bay_layout) {
        issues.add(row, data.bays ? "bays" : "bay_layout", `Only a chassis has bays; this model is a ${kind}.`);
        continue;
      }
      bays = 0;
      layout = null;
    } else {
      const existingLayout =
        existing?.bayColumns && existing.bayRows ? { columns: existing.bayColumns, rows: existing.bayRows } : null;
      layout = data.bay_layout ?? (data.bays === undefined || data.bays === existing?.bays ? existingLayout : null);
      bays = data.bays ?? (data.bay_layout ? data.bay_layout.columns * data.bay_layout.rows : (existing?.bays ?? 0));
      if (layout && layout.columns * layout.rows !== bays) {
        issues.add(
          row,
          "bay_layout",
          `${layout.columns}x${layout.rows} holds ${layout.columns * layout.rows} bays, but the model has ${bays}: give bays and bay_layout together.`,
        );
        continue;
      }
    }

    const values: ModelValues = {
      name: data.model,
      manufacturer: data.manufacturer ?? existing?.manufacturer ?? "",
      kind,
      heightU,
      bays,
      bayColumns: layout?.columns ?? null,
      bayRows: layout?.rows ?? null,
    };
    const after = auditValues(values);
    if (!existing) {
      plan.creates.push({ ...values, row, id: null, audit: { objectType: "model", objectLabel: values.name, before: null, after } });
      plan.outcomes.set(row, "create");
      continue;
    }
    const before = auditValues(existing);
    const outcome = compare(before, after);
    plan.outcomes.set(row, outcome);
    if (outcome === "update") {
      plan.updates.push({ ...values, row, id: existing.id, audit: { objectType: "model", objectLabel: values.name, before, after } });
      if (heightU !== existing.heightU && existing.devices > 0) heightChanges.set(existing.id, { row, name: values.name, height: heightU });
    }
  }

  checkHeightChanges(heightChanges, snapshot.racked, issues);
  plan.issues = issues.list;
  if (plan.issues.length) {
    for (const issue of plan.issues) plan.outcomes.delete(issue.row!);
  }
  return plan;
}

// A model's new height applies to all its devices at once: each must still fit its cabinet and
// clear its neighbours (whose own model may be changing too).
function checkHeightChanges(changes: Map<number, { row: number; name: string; height: number }>, racked: RackedDevice[], issues: Issues) {
  if (changes.size === 0) return;
  const resized = racked.map((d) => ({ ...d, uHeight: changes.get(d.modelId)?.height ?? d.uHeight }));
  const byCabinet = new Map<number, typeof resized>();
  for (const d of resized) byCabinet.set(d.cabinetId, [...(byCabinet.get(d.cabinetId) ?? []), d]);
  const problems = new Map<number, string[]>();
  const note = (modelId: number, text: string) => problems.set(modelId, [...(problems.get(modelId) ?? []), text]);
  for (const devices of byCabinet.values()) {
    for (const d of devices) {
      const change = changes.get(d.modelId);
      if (!change) continue;
      if (d.uLow + d.uHeight - 1 > d.cabinetHeight) {
        note(d.modelId, `${d.hostname} at ${unitsText(d.uLow, d.uHeight)} would not fit ${d.cabinet} (${d.cabinetHeight} U high)`);
      }
      for (const other of devices) {
        if (other === d || (changes.has(other.modelId) && other.hostname < d.hostname)) continue;
        const face = collision(d, other);
        if (face) note(d.modelId, `${d.hostname} at ${unitsText(d.uLow, d.uHeight)} of ${d.cabinet} would overlap ${other.hostname} (${face})`);
      }
    }
  }
  for (const [modelId, texts] of problems) {
    const change = changes.get(modelId)!;
    const shown = texts.slice(0, 3).join("; ");
    issues.add(
      change.row,
      "height_u",
      `At ${change.height} U: ${shown}${texts.length > 3 ? ` (and ${texts.length - 3} more)` : ""}. Move those devices first.`,
    );
  }
}
