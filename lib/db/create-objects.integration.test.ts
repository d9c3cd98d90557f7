// Creating sites, rooms, cabinets, models and services from their forms against the demo
// datacenter in a scratch database of this file's own: each create writes its row and one audit
// row "create" in the same transaction, and a name already taken is refused with a sentence.
import { describe, expect, it } from "vitest";
import { demoDatabaseForThisFile } from "../../tests/demo-database";
import { cabinetCreateFormSchema } from "../schemas/cabinet-create-form";
import { modelFormSchema } from "../schemas/model-form";
import { roomFormSchema, siteFormSchema } from "../schemas/place-form";
import { serviceFormSchema } from "../schemas/service-form";
import { createModel, createService } from "./create-catalog";
import { createCabinet, createRoom, createSite } from "./create-places";

const alice = { type: "user" as const, id: "u-alice", label: "alice@example.com" };
const { query } = demoDatabaseForThisFile("rackmap_create_objects");

async function auditOf(objectType: string, objectId: number) {
  return query<{ action: string; actor_label: string; object_label: string; before: unknown; after: Record<string, unknown> }>(
    "SELECT action, actor_label, object_label, before, after FROM audit_log WHERE object_type = $1 AND object_id = $2 ORDER BY id",
    [objectType, String(objectId)],
  );
}

function valueOf<T>(outcome: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!outcome.ok) throw new Error(`refused: ${outcome.message}`);
  return outcome.value;
}

describe("creating places", () => {
  it("creates a site with its audit row and refuses a second one of the same name", async () => {
    const input = siteFormSchema.parse({ name: "AMS2", address: "Science Park 1", remote_hands_phone: "+31 20 000" });
    const { id } = valueOf(await createSite({ input, actor: alice }));
    expect(await query("SELECT name, address, remote_hands_phone FROM site WHERE id = $1", [id])).toEqual([{ name: "AMS2", address: "Science Park 1", remote_hands_phone: "+31 20 000" }]);
    expect(await auditOf("site", id)).toEqual([
      expect.objectContaining({ action: "create", actor_label: "alice@example.com", object_label: "AMS2", before: null, after: expect.objectContaining({ site: "AMS2", address: "Science Park 1" }) }),
    ]);
    expect(await createSite({ input: siteFormSchema.parse({ name: "ORD1" }), actor: alice })).toEqual({
      ok: false,
      reason: "refused",
      message: "A site named ORD1 already exists.",
      field: "name",
    });
  });

  it("creates a room in a site and refuses a name the site already has", async () => {
    const [ord1] = await query<{ id: number }>("SELECT id FROM site WHERE name = 'ORD1'");
    const { id } = valueOf(await createRoom({ siteId: ord1!.id, input: roomFormSchema.parse({ name: "Room C", notes: "new hall" }), actor: alice }));
    expect(await auditOf("room", id)).toEqual([expect.objectContaining({ action: "create", object_label: "ORD1/Room C", after: { site: "ORD1", room: "Room C", notes: "new hall" } })]);
    expect(await createRoom({ siteId: ord1!.id, input: roomFormSchema.parse({ name: "Room A" }), actor: alice })).toMatchObject({
      ok: false,
      message: "A room named Room A already exists in ORD1.",
      field: "name",
    });
    expect(await createRoom({ siteId: 999_999, input: roomFormSchema.parse({ name: "Room Z" }), actor: alice })).toMatchObject({ ok: false, reason: "not_found" });
  });

  it("creates a cabinet in a room with its feeds, a power source not known yet on the side, and refuses a taken name", async () => {
    const [roomA] = await query<{ id: number }>("SELECT r.id FROM room r JOIN site s ON s.id = r.site_id WHERE s.name = 'ORD1' AND r.name = 'Room A'");
    const [known] = await query<{ name: string }>("SELECT p.name FROM power_source p JOIN site s ON s.id = p.site_id WHERE s.name = 'ORD1' ORDER BY p.name LIMIT 1");
    const input = cabinetCreateFormSchema.parse({ cabinet: "A09", height_u: "", power_feeds: `A:${known!.name};B:UPS-NEW-9` });
    expect(input.height_u).toBe(42);
    const { id } = valueOf(await createCabinet({ roomId: roomA!.id, input, actor: alice }));
    expect(await query("SELECT c.name, c.height_u, r.name AS room FROM cabinet c JOIN room r ON r.id = c.room_id WHERE c.id = $1", [id])).toEqual([
      { name: "A09", height_u: 42, room: "Room A" },
    ]);
    expect(await query("SELECT f.name, p.name AS source FROM power_feed f JOIN power_source p ON p.id = f.source_id WHERE f.cabinet_id = $1 ORDER BY f.name", [id])).toEqual([
      { name: "A", source: known!.name },
      { name: "B", source: "UPS-NEW-9" },
    ]);
    expect(await auditOf("cabinet", id)).toEqual([
      expect.objectContaining({
        action: "create",
        object_label: "ORD1/A09",
        after: { site: "ORD1", cabinet: "A09", room: "Room A", height_u: 42, notes: "", power_feeds: `A:${known!.name};B:UPS-NEW-9` },
      }),
    ]);
    expect(await query("SELECT action, object_label FROM audit_log WHERE object_type = 'power_source'")).toEqual([{ action: "create", object_label: "ORD1/UPS-NEW-9" }]);

    expect(await createCabinet({ roomId: roomA!.id, input: cabinetCreateFormSchema.parse({ cabinet: "A09" }), actor: alice })).toMatchObject({
      ok: false,
      message: "A cabinet named A09 already exists in ORD1.",
      field: "cabinet",
    });
    // a refused create makes no power source either
    const before = await query("SELECT count(*)::int AS n FROM power_source");
    expect(await createCabinet({ roomId: roomA!.id, input: cabinetCreateFormSchema.parse({ cabinet: "B01", power_feeds: "A:UPS-GHOST" }), actor: alice })).toMatchObject({ ok: false });
    expect(await query("SELECT count(*)::int AS n FROM power_source")).toEqual(before);
  });
});

describe("creating models and services", () => {
  it("creates a model with its audit row and refuses a taken name", async () => {
    const input = modelFormSchema.parse({ model: "Blade-X 8", manufacturer: "Acme", kind: "chassis", height_u: "4", bay_layout: "4x2" });
    const { id } = valueOf(await createModel({ input, actor: alice }));
    expect(await query("SELECT kind::text AS kind, height_u, bays, bay_columns, bay_rows FROM model WHERE id = $1", [id])).toEqual([
      { kind: "chassis", height_u: 4, bays: 8, bay_columns: 4, bay_rows: 2 },
    ]);
    expect(await auditOf("model", id)).toEqual([expect.objectContaining({ action: "create", object_label: "Blade-X 8", after: expect.objectContaining({ kind: "chassis", bay_layout: "4x2" }) })]);
    expect(await createModel({ input, actor: alice })).toMatchObject({ ok: false, message: "A model named Blade-X 8 already exists.", field: "model" });
  });

  it("creates a service with its members and refuses a taken name and an unknown member", async () => {
    const input = serviceFormSchema.parse({ service: "cache-new", min_up: "1", members: "redis-02 slave\nREDIS-01 master" });
    valueOf(await createService({ input, actor: alice }));
    const [service] = await query<{ id: number }>("SELECT id FROM service WHERE name = 'cache-new'");
    expect(await auditOf("service", service!.id)).toEqual([
      expect.objectContaining({ action: "create", object_label: "cache-new", after: { service: "cache-new", description: "", min_up: 1, members: ["redis-01 (master)", "redis-02 (slave)"] } }),
    ]);
    expect(await createService({ input, actor: alice })).toMatchObject({ ok: false, message: "A service named cache-new already exists.", field: "service" });
    const ghost = serviceFormSchema.parse({ service: "ghosts", min_up: "1", members: "no-such-host" });
    expect(await createService({ input: ghost, actor: alice })).toMatchObject({ ok: false, message: "No device is named no-such-host.", field: "members" });
  });
});
