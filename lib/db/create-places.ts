import "server-only";
// Create a site, a room in a site and a cabinet in a room from their forms: one transaction with
// its audit rows, a name already taken refused with a sentence. A new cabinet's feeds name power
// sources of its site; a source not known yet is created on the side, as a cabinets.csv import does.
import { formatPowerFeeds } from "../schemas/csv-values";
import type { CabinetCreateInput } from "../schemas/cabinet-create-form";
import type { RoomFormInput, SiteFormInput } from "../schemas/place-form";
import type { AuditActor } from "./audit";
import { db } from "./client";
import { EditRefused, refuse, rows, runEdit, writeEditAudit, type EditOutcome } from "./edit-common";
import { writeCabinetFeeds } from "./edit-power-feeds";

const FIELD_OF: Record<string, string> = {
  site_name_key: "name",
  site_name_not_blank: "name",
  room_site_name_key: "name",
  room_name_not_blank: "name",
  cabinet_site_name_key: "cabinet",
  cabinet_name_not_blank: "cabinet",
  cabinet_height_range: "height_u",
  power_feed_cabinet_name_key: "power_feeds",
  power_feed_name_not_blank: "power_feeds",
  power_feed_source_in_site: "power_feeds",
  power_source_name_not_blank: "power_feeds",
};
const fieldOf = (constraint: string | undefined) => (constraint ? (FIELD_OF[constraint] ?? null) : null);

export async function createSite(options: { input: SiteFormInput; actor: AuditActor }): Promise<EditOutcome<{ id: number }>> {
  const { input } = options;
  return runEdit(
    options.actor,
    async (tx) => {
      const [namesake] = await rows(tx, "SELECT 1 FROM site WHERE name = $1", [input.name]);
      if (namesake) refuse(`A site named ${input.name} already exists.`, "name");
      const after = {
        site: input.name,
        address: input.address ?? "",
        remote_hands_phone: input.remote_hands_phone ?? "",
        remote_hands_email: input.remote_hands_email ?? "",
        access_notes: input.access_notes ?? "",
      };
      const [created] = await rows<{ id: number }>(
        tx,
        "INSERT INTO site (name, address, remote_hands_phone, remote_hands_email, access_notes) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        [after.site, after.address, after.remote_hands_phone, after.remote_hands_email, after.access_notes],
      );
      await writeEditAudit(tx, { action: "create", objectType: "site", objectId: created!.id, objectLabel: input.name, before: null, after });
      return { id: created!.id };
    },
    fieldOf,
  );
}

// the sites a new room can go in, for the form's list
export async function listSiteChoices(): Promise<{ id: number; name: string }[]> {
  return db().site.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function createRoom(options: { siteId: number; input: RoomFormInput; actor: AuditActor }): Promise<EditOutcome<{ id: number }>> {
  const { input } = options;
  return runEdit(
    options.actor,
    async (tx) => {
      const [site] = await rows<{ id: number; name: string }>(tx, "SELECT id, name FROM site WHERE id = $1 FOR SHARE", [options.siteId]);
      if (!site) throw new EditRefused({ ok: false, reason: "not_found", message: "That site no longer exists: someone deleted it." });
      const [namesake] = await rows(tx, "SELECT 1 FROM room WHERE site_id = $1 AND name = $2", [site.id, input.name]);
      if (namesake) refuse(`A room named ${input.name} already exists in ${site.name}.`, "name");
      const [created] = await rows<{ id: number }>(tx, "INSERT INTO room (site_id, name, notes) VALUES ($1, $2, $3) RETURNING id", [site.id, input.name, input.notes ?? ""]);
      await writeEditAudit(tx, {
        action: "create",
        objectType: "room",
        objectId: created!.id,
        objectLabel: `${site.name}/${input.name}`,
        before: null,
        after: { site: site.name, room: input.name, notes: input.notes ?? "" },
      });
      return { id: created!.id };
    },
    fieldOf,
  );
}

export type RoomChoice = { id: number; site: string; name: string };

export async function getRoomChoice({ id }: { id: number }): Promise<RoomChoice | null> {
  const r = await db().room.findUnique({ where: { id }, select: { id: true, name: true, site: { select: { name: true } } } });
  return r ? { id: r.id, site: r.site.name, name: r.name } : null;
}

// every room, for the new-cabinet form opened without one
export async function listRoomChoices(): Promise<RoomChoice[]> {
  const rooms = await db().room.findMany({ orderBy: [{ site: { name: "asc" } }, { name: "asc" }], select: { id: true, name: true, site: { select: { name: true } } } });
  return rooms.map((r) => ({ id: r.id, site: r.site.name, name: r.name }));
}

export async function createCabinet(options: { roomId: number; input: CabinetCreateInput; actor: AuditActor }): Promise<EditOutcome<{ id: number }>> {
  const { input } = options;
  return runEdit(
    options.actor,
    async (tx) => {
      const [room] = await rows<{ id: number; name: string; site_id: number; site: string }>(
        tx,
        "SELECT r.id, r.name, r.site_id, s.name AS site FROM room r JOIN site s ON s.id = r.site_id WHERE r.id = $1 FOR SHARE OF r",
        [options.roomId],
      );
      if (!room) throw new EditRefused({ ok: false, reason: "not_found", message: "That room no longer exists: someone deleted it." });
      const [namesake] = await rows(tx, "SELECT 1 FROM cabinet WHERE site_id = $1 AND name = $2", [room.site_id, input.cabinet]);
      if (namesake) refuse(`A cabinet named ${input.cabinet} already exists in ${room.site}.`, "cabinet");
      const [created] = await rows<{ id: number }>(tx, "INSERT INTO cabinet (site_id, room_id, name, height_u, notes) VALUES ($1, $2, $3, $4, $5) RETURNING id", [
        room.site_id,
        room.id,
        input.cabinet,
        input.height_u,
        input.notes ?? "",
      ]);
      const cabinetId = created!.id;
      const feeds = input.power_feeds ?? [];
      await writeCabinetFeeds(tx, { cabinetId, cabinet: input.cabinet, site: { id: room.site_id, name: room.site }, feeds });
      await writeEditAudit(tx, {
        action: "create",
        objectType: "cabinet",
        objectId: cabinetId,
        objectLabel: `${room.site}/${input.cabinet}`,
        before: null,
        after: { site: room.site, cabinet: input.cabinet, room: room.name, height_u: input.height_u, notes: input.notes ?? "", power_feeds: formatPowerFeeds(feeds) },
      });
      return { id: cabinetId };
    },
    fieldOf,
  );
}
