// Editing models against the demo datacenter in a scratch database of this file's own: a new height
// that would make devices stick out or overlap is refused naming them, one that fits is applied to
// every device of the model, and a model in use keeps its kind and is not deleted.
import { describe, expect, it } from "vitest";
import { demoDatabaseForThisFile } from "../../tests/demo-database";
import { modelFormSchema } from "../schemas/model-form";
import { deleteModel, getModelForEdit, updateModel, type ModelEditValues } from "./edit-models";

const alice = { type: "user" as const, id: "u-alice", label: "alice@example.com" };
const { query } = demoDatabaseForThisFile("rackmap_edit_models");

async function load(name: string): Promise<ModelEditValues> {
  const [row] = await query<{ id: number }>("SELECT id FROM model WHERE name = $1", [name]);
  return (await getModelForEdit({ id: row!.id }))!;
}

function formOf(m: ModelEditValues, changes: Record<string, string> = {}) {
  return modelFormSchema.parse({
    model: m.name,
    manufacturer: m.manufacturer,
    kind: m.kind,
    height_u: String(m.heightU),
    bays: String(m.bays),
    bay_layout: m.bayColumns ? `${m.bayColumns}x${m.bayRows}` : "",
    ...(m.fullDepth ? { full_depth: "on" } : {}),
    ...changes,
  });
}

describe("editing a model", () => {
  it("refuses a height that would make devices stick out of their cabinet, naming them", async () => {
    const sw = await load("Generic 1U switch");
    const refused = await updateModel({ id: sw.id, version: sw.version, input: formOf(sw, { height_u: "2" }), actor: alice });
    expect(refused).toMatchObject({ ok: false, reason: "refused", field: "height_u" });
    expect(refused.ok ? "" : refused.message).toContain("tor-a01-a would stick out of A01 (U42–U43, 42 U high)");
    expect((await load("Generic 1U switch")).heightU).toBe(1);
  });

  it("refuses a height that would overlap neighbours, and applies one that fits to every device", async () => {
    const c5000 = await load("PowerEdge C5000");
    const overlap = await updateModel({ id: c5000.id, version: c5000.version, input: formOf(c5000, { height_u: "5" }), actor: alice });
    expect(overlap.ok ? "" : overlap.message).toContain("chassis-a01-u01 would overlap chassis-a01-u05 (U1–U5 of A01)");

    // in the demo every C5000 has its 1U of cabling free above it
    expect(await updateModel({ id: c5000.id, version: c5000.version, input: formOf(c5000, { height_u: "4" }), actor: alice })).toMatchObject({ ok: true });
    const heights = await query<{ u_height: number }>("SELECT DISTINCT d.u_height FROM device d JOIN model m ON m.id = d.model_id WHERE m.name = 'PowerEdge C5000'");
    expect(heights).toEqual([{ u_height: 4 }]);
  });

  it("keeps the kind of a model in use and refuses to delete it, naming its devices", async () => {
    const r510 = await load("PowerEdge R510");
    expect(await updateModel({ id: r510.id, version: r510.version, input: formOf(r510, { kind: "server" }), actor: alice })).toMatchObject({ ok: false, field: "kind" });
    const refused = await deleteModel({ id: r510.id, version: r510.version, actor: alice });
    expect(refused).toMatchObject({ ok: false, message: "4 devices use model PowerEdge R510: give them another model first." });
    expect(refused.ok || refused.reason !== "refused" ? 0 : refused.names?.length).toBe(4);
  });
});
