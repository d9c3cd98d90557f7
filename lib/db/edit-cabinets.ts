import "server-only";
// Edit and delete one cabinet from its form. A cabinet that still holds devices is not deleted: the
// refusal lists them, so nothing is deleted along with it unasked. Shrinking below a device names it.
// The feed list is written by edit-power-feeds.ts (a feed devices draw on is not removed).
import { formatPowerFeeds } from "../schemas/csv-values";
import type { CabinetFormInput } from "../schemas/cabinet-form";
import type { AuditActor } from "./audit";
import { db } from "./client";
import { EditRefused, lockVersioned, refuse, rows, runEdit, updateVersioned, writeEditAudit, type EditOutcome, type EditTx } from "./edit-common";
import { writeCabinetFeeds } from "./edit-power-feeds";

export type CabinetEditValues = {
  id: number;
  version: number;
  site: string;
  name: string;
  room: string | null;
  heightU: number;
  notes: string;
  // A:UPS-1;B:UPS-2
  powerFeeds: string;
  // the rooms of the cabinet's site, for the room list
  rooms: string[];
};

export async function getCabinetForEdit({ id }: { id: number }): Promise<CabinetEditValues | null> {
  const c = await db().cabinet.findUnique({
    where: { id },
    select: {
      id: true,
      version: true,
      name: true,
      heightU: true,
      notes: true,
      room: { select: { name: true } },
      site: { select: { name: true, rooms: { orderBy: { name: "asc" }, select: { name: true } } } },
      feeds: { select: { name: true, source: { select: { name: true } } } },
    },
  });
  if (!c) return null;
  return {
    id: c.id,
    version: c.version,
    site: c.site.name,
    name: c.name,
    room: c.room?.name ?? null,
    heightU: c.heightU,
    notes: c.notes,
    powerFeeds: formatPowerFeeds(c.feeds.map((f) => ({ feed: f.name, source: f.source?.name ?? null }))),
    rooms: c.site.rooms.map((r) => r.name),
  };
}

// The same fields as a cabinets.csv import's audit entries, plus notes.
async function cabinetState(tx: EditTx, id: number): Promise<Record<string, unknown>> {
  const [c] = await rows<{ site: string; cabinet: string; room: string; height_u: number; notes: string }>(
    tx,
    `SELECT s.name AS site, c.name AS cabinet, coalesce(r.name, '') AS room, c.height_u, c.notes
       FROM cabinet c JOIN site s ON s.id = c.site_id LEFT JOIN room r ON r.id = c.room_id WHERE c.id = $1`,
    [id],
  );
  const feeds = await rows<{ feed: string; source: string | null }>(
    tx,
    "SELECT f.name AS feed, p.name AS source FROM power_feed f LEFT JOIN power_source p ON p.id = f.source_id WHERE f.cabinet_id = $1",
    [id],
  );
  return { ...c, power_feeds: formatPowerFeeds(feeds) };
}

const FIELD_OF: Record<string, string> = {
  cabinet_site_name_key: "cabinet",
  cabinet_name_not_blank: "cabinet",
  cabinet_height_range: "height_u",
  device_u_fits_cabinet: "height_u",
  cabinet_room_in_site: "room",
  power_feed_cabinet_name_key: "power_feeds",
  power_feed_name_not_blank: "power_feeds",
  power_feed_source_in_site: "power_feeds",
  power_source_name_not_blank: "power_feeds",
};

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export async function updateCabinet(options: { id: number; version: number; input: CabinetFormInput; actor: AuditActor }): Promise<EditOutcome<{ id: number }>> {
  const { input } = options;
  return runEdit(
    options.actor,
    async (tx) => {
      const current = await lockVersioned<{ id: number; version: number; site_id: number }>(tx, {
        table: "cabinet",
        objectType: "cabinet",
        id: options.id,
        version: options.version,
        select: "t.id, t.version, t.site_id",
        what: "cabinet",
      });
      const before = await cabinetState(tx, current.id);
      let roomId: number | null = null;
      if (input.room !== undefined) {
        const [room] = await rows<{ id: number }>(tx, "SELECT id FROM room WHERE site_id = $1 AND name = $2", [current.site_id, input.room]);
        if (!room) refuse(`Site ${String(before.site)} has no room named ${input.room}.`, "room");
        roomId = room.id;
      }
      const [namesake] = await rows<{ id: number }>(tx, "SELECT id FROM cabinet WHERE site_id = $1 AND name = $2 AND id <> $3", [current.site_id, input.cabinet, current.id]);
      if (namesake) refuse(`Site ${String(before.site)} already has a cabinet named ${input.cabinet}.`, "cabinet");
      const sticking = await rows<{ hostname: string }>(
        tx,
        "SELECT hostname FROM device WHERE cabinet_id = $1 AND u_low + u_height - 1 > $2 ORDER BY u_low DESC",
        [current.id, input.height_u],
      );
      if (sticking.length) {
        const names = sticking.map((d) => d.hostname);
        refuse(`Cabinet ${String(before.cabinet)} cannot shrink to ${input.height_u} U: ${joinNames(names)} would stick out above it.`, "height_u", names);
      }
      await updateVersioned(tx, {
        table: "cabinet",
        id: current.id,
        version: current.version,
        set: { name: input.cabinet, room_id: roomId, height_u: input.height_u, notes: input.notes ?? "" },
      });
      if (input.power_feeds !== undefined) {
        const [site] = await rows<{ name: string }>(tx, "SELECT name FROM site WHERE id = $1", [current.site_id]);
        await writeCabinetFeeds(tx, { cabinetId: current.id, cabinet: input.cabinet, site: { id: current.site_id, name: site!.name }, feeds: input.power_feeds });
      }
      const after = await cabinetState(tx, current.id);
      await writeEditAudit(tx, { action: "update", objectType: "cabinet", objectId: current.id, objectLabel: `${String(after.site)}/${input.cabinet}`, before, after });
      return { id: current.id };
    },
    (constraint) => (constraint ? (FIELD_OF[constraint] ?? null) : null),
  );
}

/**
 * Deletes an empty cabinet (its power feeds go with it). One that still holds devices is refused
 * with their hostnames, the chassis' sleds included.
 */
export async function deleteCabinet(options: { id: number; version: number; actor: AuditActor }): Promise<EditOutcome<{ siteId: number; label: string }>> {
  return runEdit(options.actor, async (tx) => {
    const current = await lockVersioned<{ id: number; version: number; site_id: number }>(tx, {
      table: "cabinet",
      objectType: "cabinet",
      id: options.id,
      version: options.version,
      select: "t.id, t.version, t.site_id",
      what: "cabinet",
    });
    const before = await cabinetState(tx, current.id);
    const label = `${String(before.site)}/${String(before.cabinet)}`;
    const held = await rows<{ hostname: string }>(
      tx,
      `SELECT d.hostname FROM device d LEFT JOIN device ch ON ch.id = d.chassis_id
        WHERE d.cabinet_id = $1 OR ch.cabinet_id = $1
        ORDER BY coalesce(d.u_low, ch.u_low) DESC, d.bay NULLS FIRST, d.hostname`,
      [current.id],
    );
    if (held.length) {
      const names = held.map((d) => d.hostname);
      refuse(`Cabinet ${label} still holds ${names.length === 1 ? "a device" : `${names.length} devices`}: move or delete ${names.length === 1 ? "it" : "them"} first.`, null, names);
    }
    const result = await tx.client.query("DELETE FROM cabinet WHERE id = $1 AND version = $2", [current.id, current.version]);
    if (result.rowCount !== 1) throw new EditRefused({ ok: false, reason: "not_found", message: "That cabinet no longer exists: someone deleted it." });
    await writeEditAudit(tx, { action: "delete", objectType: "cabinet", objectId: current.id, objectLabel: label, before, after: null });
    return { siteId: current.site_id, label };
  });
}
