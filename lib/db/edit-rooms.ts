import "server-only";
// Edit and delete one room. A room that still holds cabinets is not deleted: the refusal lists them.
import type { RoomFormInput } from "../schemas/place-form";
import type { AuditActor } from "./audit";
import { db } from "./client";
import { EditRefused, lockVersioned, refuse, rows, runEdit, updateVersioned, writeEditAudit, type EditOutcome, type EditTx } from "./edit-common";

export type RoomEditValues = { id: number; version: number; siteId: number; site: string; name: string; notes: string };

export async function getRoomForEdit({ id }: { id: number }): Promise<RoomEditValues | null> {
  const r = await db().room.findUnique({ where: { id }, select: { id: true, version: true, name: true, notes: true, site: { select: { id: true, name: true } } } });
  return r ? { id: r.id, version: r.version, siteId: r.site.id, site: r.site.name, name: r.name, notes: r.notes } : null;
}

async function roomState(tx: EditTx, id: number) {
  const [r] = await rows<{ site: string; room: string; notes: string }>(
    tx,
    "SELECT s.name AS site, r.name AS room, r.notes FROM room r JOIN site s ON s.id = r.site_id WHERE r.id = $1",
    [id],
  );
  return r!;
}

const FIELD_OF: Record<string, string> = { room_site_name_key: "name", room_name_not_blank: "name" };

export async function updateRoom(options: { id: number; version: number; input: RoomFormInput; actor: AuditActor }): Promise<EditOutcome<{ id: number }>> {
  return runEdit(
    options.actor,
    async (tx) => {
      const current = await lockVersioned<{ id: number; version: number; site_id: number }>(tx, {
        table: "room",
        objectType: "room",
        id: options.id,
        version: options.version,
        select: "t.id, t.version, t.site_id",
        what: "room",
      });
      const before = await roomState(tx, current.id);
      const [namesake] = await rows(tx, "SELECT 1 FROM room WHERE site_id = $1 AND name = $2 AND id <> $3", [current.site_id, options.input.name, current.id]);
      if (namesake) refuse(`Site ${before.site} already has a room named ${options.input.name}.`, "name");
      await updateVersioned(tx, { table: "room", id: current.id, version: current.version, set: { name: options.input.name, notes: options.input.notes ?? "" } });
      const after = await roomState(tx, current.id);
      await writeEditAudit(tx, { action: "update", objectType: "room", objectId: current.id, objectLabel: `${after.site}/${after.room}`, before, after });
      return { id: current.id };
    },
    (constraint) => (constraint ? (FIELD_OF[constraint] ?? null) : null),
  );
}

export async function deleteRoom(options: { id: number; version: number; actor: AuditActor }): Promise<EditOutcome<{ siteId: number }>> {
  return runEdit(options.actor, async (tx) => {
    const current = await lockVersioned<{ id: number; version: number; site_id: number }>(tx, {
      table: "room",
      objectType: "room",
      id: options.id,
      version: options.version,
      select: "t.id, t.version, t.site_id",
      what: "room",
    });
    const before = await roomState(tx, current.id);
    const cabinets = await rows<{ name: string }>(tx, "SELECT name FROM cabinet WHERE room_id = $1 ORDER BY name", [current.id]);
    if (cabinets.length) {
      refuse(
        `${before.room} still holds ${cabinets.length === 1 ? "a cabinet" : `${cabinets.length} cabinets`}: move ${cabinets.length === 1 ? "it" : "them"} to another room or delete ${cabinets.length === 1 ? "it" : "them"} first.`,
        null,
        cabinets.map((c) => c.name),
      );
    }
    const result = await tx.client.query("DELETE FROM room WHERE id = $1 AND version = $2", [current.id, current.version]);
    if (result.rowCount !== 1) throw new EditRefused({ ok: false, reason: "not_found", message: "That room no longer exists: someone deleted it." });
    await writeEditAudit(tx, { action: "delete", objectType: "room", objectId: current.id, objectLabel: `${before.site}/${before.room}`, before, after: null });
    return { siteId: current.site_id };
  });
}
