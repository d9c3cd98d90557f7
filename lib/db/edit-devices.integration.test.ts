// Editing devices against the demo datacenter in a scratch database of this file's own: the
// sentence naming the occupant of a taken U, a move to a free U, the stale save refused with who
// changed it, a chassis moved with its sleds, and the deletes that are refused with the list.
import { beforeAll, describe, expect, it } from "vitest";
import { demoDatabaseForThisFile } from "../../tests/demo-database";
import { deviceFormSchema } from "../schemas/device-form";
import { deleteDevice, getDeviceForEdit, saveDevice, type DeviceEditValues } from "./edit-devices";
import { createWorkOrder } from "./work-orders";

const TIMEOUT = 180_000;
const alice = { type: "user" as const, id: "u-alice", label: "alice@example.com" };
const bob = { type: "user" as const, id: "u-bob", label: "bob@example.com" };
const { query } = demoDatabaseForThisFile("rackmap_edit_devices");
let cabinetIds: Record<string, number>;

// what the edit form posts for a device, with some fields changed
function formOf(d: DeviceEditValues, changes: Record<string, string> = {}) {
  return deviceFormSchema.parse({
    hostname: d.hostname,
    model: d.model,
    role: d.role,
    status: d.status,
    serial: d.serial ?? "",
    asset_tag: d.assetTag ?? "",
    placement: d.placement,
    cabinet_id: d.cabinetId === null ? "" : String(d.cabinetId),
    u: d.uLow === null ? "" : String(d.uLow),
    face: d.face ?? "",
    chassis: d.chassis ?? "",
    bay: d.bay === null ? "" : String(d.bay),
    power: d.power.join(";"),
    primary_ip: d.primaryIp ?? "",
    oob_ip: d.oobIp ?? "",
    os: d.os,
    notes: d.notes,
    ...changes,
  });
}

async function load(hostname: string): Promise<DeviceEditValues> {
  const d = await getDeviceForEdit({ hostname });
  if (!d) throw new Error(`no device ${hostname}`);
  return d;
}

beforeAll(async () => {
  cabinetIds = Object.fromEntries((await query<{ id: number; name: string }>("SELECT id, name FROM cabinet")).map((c) => [c.name, c.id]));
}, TIMEOUT);

describe("editing a device", () => {
  it("refuses a taken U with a sentence naming the occupant, and moves to a free U", async () => {
    const api = await load("api-20");
    expect(api).toMatchObject({ placement: "rack", cabinetId: cabinetIds.A01, uLow: 19 });
    const taken = await saveDevice({ id: api.id, version: api.version, input: formOf(api, { u: "17" }), actor: alice });
    expect(taken).toEqual({ ok: false, reason: "refused", message: "U17–U18 of A01 front are taken by db-master-01.", field: "u" });
    expect((await load("api-20")).uLow).toBe(19);

    const moved = await saveDevice({ id: api.id, version: api.version, input: formOf(api, { u: "25" }), actor: alice });
    expect(moved).toEqual({ ok: true, value: { id: api.id, hostname: "api-20" } });
    const after = await load("api-20");
    expect(after).toMatchObject({ uLow: 25, version: api.version + 1, power: ["A", "B"] });
    const [entry] = await query<{ actor_label: string; before: unknown; after: unknown }>(
      "SELECT actor_label, before, after FROM audit_log WHERE object_type = 'device' AND object_id = $1 ORDER BY id DESC LIMIT 1",
      [String(api.id)],
    );
    expect(entry).toEqual({ actor_label: "alice@example.com", before: { u: 19 }, after: { u: 25 } });
  });

  it("refuses a stale save with who changed it and when, and keeps the newer values", async () => {
    const opened = await load("app-07");
    const first = await saveDevice({ id: opened.id, version: opened.version, input: formOf(opened, { role: "app (bob)" }), actor: bob });
    expect(first.ok).toBe(true);
    const stale = await saveDevice({ id: opened.id, version: opened.version, input: formOf(opened, { notes: "alice was here" }), actor: alice });
    expect(stale.ok).toBe(false);
    if (stale.ok || stale.reason !== "stale") throw new Error(`expected a stale refusal, got ${JSON.stringify(stale)}`);
    expect(stale.changedBy).toBe("bob@example.com");
    expect(stale.message).toMatch(/^It was changed by bob@example\.com at \d{4}-\d\d-\d\d \d\d:\d\d UTC since you opened it\./);
    const now = await load("app-07");
    expect(now).toMatchObject({ role: "app (bob)", notes: opened.notes, version: opened.version + 1 });

    // a delete at the old version is refused the same way
    const staleDelete = await deleteDevice({ id: opened.id, version: opened.version, actor: alice });
    expect(staleDelete).toMatchObject({ ok: false, reason: "stale" });
    expect(await getDeviceForEdit({ hostname: "app-07" })).not.toBeNull();
  });

  it("moves a chassis to another cabinet with its sleds, and re-homes its power", async () => {
    const chassis = await load("chassis-a01-u13");
    expect(chassis.sleds.length).toBe(8);
    const result = await saveDevice({
      id: chassis.id,
      version: chassis.version,
      input: formOf(chassis, { cabinet_id: String(cabinetIds.B01), u: "25" }),
      actor: alice,
    });
    expect(result.ok).toBe(true);
    const sleds = await query<{ hostname: string; cabinet: string; u_low: number; chassis_id: number; bay: number }>(
      `SELECT s.hostname, c.name AS cabinet, ch.u_low, s.chassis_id, s.bay
         FROM device s JOIN device ch ON ch.id = s.chassis_id JOIN cabinet c ON c.id = ch.cabinet_id
        WHERE ch.hostname = 'chassis-a01-u13' ORDER BY s.bay`,
    );
    expect(sleds.map((s) => s.hostname)).toEqual(chassis.sleds);
    expect(new Set(sleds.map((s) => `${s.cabinet} U${s.u_low}`))).toEqual(new Set(["B01 U25"]));
    expect(sleds.map((s) => s.bay)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const feeds = await query<{ cabinet: string }>(
      "SELECT c.name AS cabinet FROM device_power p JOIN power_feed f ON f.id = p.feed_id JOIN cabinet c ON c.id = f.cabinet_id WHERE p.device_id = $1",
      [chassis.id],
    );
    expect(feeds).toEqual([{ cabinet: "B01" }, { cabinet: "B01" }]);
    // each sled's history says where it went
    const sledEntries = await query<{ object_label: string; after: { cabinet: string; moved_with: string } }>(
      "SELECT object_label, after FROM audit_log WHERE object_label = ANY($1::text[]) AND action = 'update'",
      [chassis.sleds],
    );
    expect(sledEntries.length).toBe(8);
    expect(sledEntries[0]!.after).toMatchObject({ cabinet: "B01", u: 25, moved_with: "chassis-a01-u13" });
  });

  it("puts a sled in a free bay, and names the sled already in a taken one", async () => {
    const chassis = await load("chassis-a01-u09");
    const sled = await load(chassis.sleds[0]!);
    const taken = await saveDevice({ id: sled.id, version: sled.version, input: formOf(sled, { bay: "2" }), actor: alice });
    expect(taken).toEqual({ ok: false, reason: "refused", message: `Bay 2 of chassis-a01-u09 is taken by ${chassis.sleds[1]}.`, field: "bay" });
    const racked = await saveDevice({ id: sled.id, version: sled.version, input: formOf(sled, { placement: "rack", cabinet_id: String(cabinetIds.A01), u: "30", face: "front" }), actor: alice });
    expect(racked).toMatchObject({ ok: false, reason: "refused", field: "model" });
  });

  it("creates a device, refuses a duplicate service tag naming its holder, and deletes it", async () => {
    const api = await load("api-20");
    const input = formOf(api, { hostname: "api-99", serial: "NEW-TAG-99", asset_tag: "", u: "30", notes: "" });
    const created = await saveDevice({ input, actor: alice });
    if (!created.ok) throw new Error(created.message);
    const dup = await saveDevice({ input: { ...input, hostname: "api-98", u: 33, serial: "new-tag-99" }, actor: alice });
    expect(dup).toMatchObject({ ok: false, field: "serial", message: expect.stringContaining("belongs to api-99") });
    const made = await load("api-99");
    expect(made).toMatchObject({ uLow: 30, power: ["A", "B"], version: 1 });
    expect(await deleteDevice({ id: made.id, version: made.version, actor: alice })).toEqual({ ok: true, value: { hostname: "api-99" } });
    expect(await getDeviceForEdit({ hostname: "api-99" })).toBeNull();
    const actions = await query<{ action: string }>("SELECT action FROM audit_log WHERE object_type = 'device' AND object_id = $1 ORDER BY id", [String(made.id)]);
    expect(actions.map((a) => a.action)).toEqual(["create", "delete"]);
  });

  it("refuses to delete a chassis that holds sleds, or a device on a work order, naming them", async () => {
    const chassis = await load("chassis-a01-u05");
    const refused = await deleteDevice({ id: chassis.id, version: chassis.version, actor: alice });
    expect(refused).toMatchObject({ ok: false, reason: "refused" });
    expect(refused.ok ? "" : refused.message).toContain(`chassis-a01-u05 still holds 8 sleds: ${chassis.sleds.slice(0, 7).join(", ")} and ${chassis.sleds[7]}.`);

    const order = await createWorkOrder({ title: "inspect", items: [{ hostname: "app-01", action: "inspect" }], createdById: null, actor: alice });
    const app = await load("app-01");
    expect(await deleteDevice({ id: app.id, version: app.version, actor: alice })).toMatchObject({
      ok: false,
      message: `app-01 is on work order #${order.id}: remove it there first.`,
    });
  });
});
