// Editing cabinets against the demo datacenter in a scratch database of this file's own: a cabinet
// that holds devices is not deleted and the refusal lists them, an empty one is, a stale edit is
// refused, and shrinking below a device names it.
import { describe, expect, it } from "vitest";
import { demoDatabaseForThisFile } from "../../tests/demo-database";
import { cabinetFormSchema } from "../schemas/cabinet-form";
import { deleteCabinet, getCabinetForEdit, updateCabinet, type CabinetEditValues } from "./edit-cabinets";

const alice = { type: "user" as const, id: "u-alice", label: "alice@example.com" };
const bob = { type: "user" as const, id: "u-bob", label: "bob@example.com" };
const { query } = demoDatabaseForThisFile("rackmap_edit_cabinets");

async function load(name: string): Promise<CabinetEditValues> {
  const [row] = await query<{ id: number }>("SELECT id FROM cabinet WHERE name = $1", [name]);
  const c = row ? await getCabinetForEdit({ id: row.id }) : null;
  if (!c) throw new Error(`no cabinet ${name}`);
  return c;
}

function formOf(c: CabinetEditValues, changes: Record<string, string> = {}) {
  return cabinetFormSchema.parse({ cabinet: c.name, room: c.room ?? "", height_u: String(c.heightU), notes: c.notes, ...changes });
}

describe("editing a cabinet", () => {
  it("refuses to delete a cabinet that holds devices, listing every one, sleds included", async () => {
    const a01 = await load("A01");
    const refused = await deleteCabinet({ id: a01.id, version: a01.version, actor: alice });
    if (refused.ok || refused.reason !== "refused") throw new Error(`expected a refusal, got ${JSON.stringify(refused)}`);
    const held = await query<{ n: number }>(
      "SELECT count(*)::int AS n FROM device d LEFT JOIN device ch ON ch.id = d.chassis_id WHERE d.cabinet_id = $1 OR ch.cabinet_id = $1",
      [a01.id],
    );
    expect(refused.message).toBe(`Cabinet ORD1/A01 still holds ${held[0]!.n} devices: move or delete them first.`);
    expect(refused.names?.length).toBe(held[0]!.n);
    expect(refused.names?.slice(0, 3)).toEqual(["tor-a01-a", "tor-a01-b", "mgmt-a"]);
    expect(refused.names).toContain("db-master-01");
    expect((await load("A01")).version).toBe(a01.version);
  });

  it("deletes an empty cabinet with its feeds, in the audit log", async () => {
    await query("INSERT INTO cabinet (site_id, name) SELECT id, 'Z99' FROM site WHERE name = 'ORD1'");
    await query("INSERT INTO power_feed (cabinet_id, name) SELECT id, 'A' FROM cabinet WHERE name = 'Z99'");
    const z99 = await load("Z99");
    expect(await deleteCabinet({ id: z99.id, version: z99.version, actor: alice })).toMatchObject({ ok: true, value: { label: "ORD1/Z99" } });
    expect(await query("SELECT 1 FROM cabinet WHERE name = 'Z99'")).toEqual([]);
    const [entry] = await query<{ action: string; before: { power_feeds: string } }>(
      "SELECT action, before FROM audit_log WHERE object_type = 'cabinet' AND object_id = $1",
      [String(z99.id)],
    );
    expect(entry).toMatchObject({ action: "delete", before: { cabinet: "Z99", power_feeds: "A" } });
  });

  it("refuses a stale edit and a shrink that would leave devices sticking out", async () => {
    const opened = await load("A03");
    expect((await updateCabinet({ id: opened.id, version: opened.version, input: formOf(opened, { notes: "bob" }), actor: bob })).ok).toBe(true);
    const stale = await updateCabinet({ id: opened.id, version: opened.version, input: formOf(opened, { notes: "alice" }), actor: alice });
    expect(stale).toMatchObject({ ok: false, reason: "stale", changedBy: "bob@example.com" });
    expect((await load("A03")).notes).toBe("bob");

    const a02 = await load("A02");
    const shrink = await updateCabinet({ id: a02.id, version: a02.version, input: formOf(a02, { height_u: "40" }), actor: alice });
    expect(shrink).toMatchObject({ ok: false, field: "height_u", message: "Cabinet A02 cannot shrink to 40 U: tor-a02-a and tor-a02-b would stick out above it." });
    const renamed = await updateCabinet({ id: a02.id, version: a02.version, input: formOf(a02, { cabinet: "A03" }), actor: alice });
    expect(renamed).toMatchObject({ ok: false, field: "cabinet", message: "Site ORD1 already has a cabinet named A03." });
    expect(await updateCabinet({ id: a02.id, version: a02.version, input: formOf(a02, { room: "Room B" }), actor: alice })).toMatchObject({ ok: true });
    expect((await load("A02")).room).toBe("Room B");
  });
});
