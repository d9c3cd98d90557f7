// Editing sites and rooms against the demo datacenter in a scratch database of this file's own:
// a room or site that still holds cabinets is not deleted and the refusal names them; an empty
// room is; a stale rename is refused.
import { describe, expect, it } from "vitest";
import { demoDatabaseForThisFile } from "../../tests/demo-database";
import { deleteRoom, getRoomForEdit, updateRoom } from "./edit-rooms";
import { deleteSite, getSiteForEdit, updateSite } from "./edit-sites";

const alice = { type: "user" as const, id: "u-alice", label: "alice@example.com" };
const bob = { type: "user" as const, id: "u-bob", label: "bob@example.com" };
const { query } = demoDatabaseForThisFile("rackmap_edit_places");

describe("editing rooms and sites", () => {
  it("refuses to delete a room that holds cabinets, naming them, and deletes an empty one", async () => {
    const [roomA] = await query<{ id: number }>("SELECT id FROM room WHERE name = 'Room A'");
    const a = (await getRoomForEdit({ id: roomA!.id }))!;
    const refused = await deleteRoom({ id: a.id, version: a.version, actor: alice });
    expect(refused).toMatchObject({ ok: false, reason: "refused", message: "Room A still holds 8 cabinets: move them to another room or delete them first." });
    expect(refused.ok || refused.reason !== "refused" ? [] : refused.names).toEqual(["A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08"]);

    const [empty] = await query<{ id: number }>("INSERT INTO room (site_id, name) SELECT id, 'Room C' FROM site WHERE name = 'ORD1' RETURNING id");
    const c = (await getRoomForEdit({ id: empty!.id }))!;
    expect(await deleteRoom({ id: c.id, version: c.version, actor: alice })).toMatchObject({ ok: true });
    expect(await getRoomForEdit({ id: c.id })).toBeNull();
  });

  it("refuses a stale room rename, and a name another room of the site has", async () => {
    const [roomB] = await query<{ id: number }>("SELECT id FROM room WHERE name = 'Room B'");
    const opened = (await getRoomForEdit({ id: roomB!.id }))!;
    expect(await updateRoom({ id: opened.id, version: opened.version, input: { name: "Room B", notes: "cooling 2" }, actor: bob })).toMatchObject({ ok: true });
    expect(await updateRoom({ id: opened.id, version: opened.version, input: { name: "Hall B" }, actor: alice })).toMatchObject({
      ok: false,
      reason: "stale",
      changedBy: "bob@example.com",
    });
    const now = (await getRoomForEdit({ id: opened.id }))!;
    expect(now).toMatchObject({ name: "Room B", notes: "cooling 2" });
    expect(await updateRoom({ id: now.id, version: now.version, input: { name: "Room A" }, actor: alice })).toMatchObject({
      ok: false,
      field: "name",
      message: "Site ORD1 already has a room named Room A.",
    });
  });

  it("refuses to delete a site that holds rooms and cabinets, and edits its remote-hands desk", async () => {
    const [ord1] = await query<{ id: number }>("SELECT id FROM site WHERE name = 'ORD1'");
    const site = (await getSiteForEdit({ id: ord1!.id }))!;
    const refused = await deleteSite({ id: site.id, version: site.version, actor: alice });
    expect(refused).toMatchObject({ ok: false, reason: "refused", message: expect.stringMatching(/^Site ORD1 still holds 2 rooms, 16 cabinets/) });
    const saved = await updateSite({
      id: site.id,
      version: site.version,
      input: { name: "ORD1", address: site.address, remote_hands_phone: "+1 312 555 0199", remote_hands_email: site.remoteHandsEmail, access_notes: site.accessNotes },
      actor: alice,
    });
    expect(saved.ok).toBe(true);
    const [entry] = await query<{ before: unknown; after: unknown }>("SELECT before, after FROM audit_log WHERE object_type = 'site' AND object_id = $1", [String(site.id)]);
    expect(entry).toEqual({ before: { remote_hands_phone: site.remoteHandsPhone }, after: { remote_hands_phone: "+1 312 555 0199" } });
  });
});
