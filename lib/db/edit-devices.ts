import "server-only";
// Create, edit, move and delete one device from its form. The edit's own checks come first and
// name whoever is in the way ("U17–U18 of A01 front are taken by db-master-01"); the database's
// constraints stay the final guard. A chassis' sleds have no place of their own (chassis + bay),
// so moving a chassis moves them; each sled's audit trail records the move too.
import { formatURange } from "../domain/rack-layout";
import { blockersOf, takenSentence, type Occupant } from "../domain/rack-units";
import type { DeviceFormInput } from "../schemas/device-form";
import type { AuditActor } from "./audit";
import { db } from "./client";
import { EditRefused, lockVersioned, refuse, rows, runEdit, updateVersioned, writeEditAudit, type EditOutcome, type EditTx } from "./edit-common";
import type { DeviceStatus, Face, ModelKind } from "./generated/enums";

// ---------------------------------------------------------------- reads for the form

export type DeviceEditValues = {
  id: number;
  version: number;
  hostname: string;
  model: string;
  modelKind: ModelKind;
  role: string;
  status: DeviceStatus;
  serial: string | null;
  assetTag: string | null;
  placement: "rack" | "chassis" | "unplaced";
  cabinetId: number | null;
  uLow: number | null;
  face: Face | null;
  chassis: string | null;
  bay: number | null;
  power: string[];
  primaryIp: string | null;
  oobIp: string | null;
  os: string;
  notes: string;
  sleds: string[];
};

export async function getDeviceForEdit(key: { hostname: string } | { id: number }): Promise<DeviceEditValues | null> {
  const d = await db().device.findFirst({
    where: "id" in key ? { id: key.id } : { hostname: { equals: key.hostname, mode: "insensitive" } },
    select: {
      id: true,
      version: true,
      hostname: true,
      role: true,
      status: true,
      serial: true,
      assetTag: true,
      cabinetId: true,
      uLow: true,
      face: true,
      bay: true,
      primaryIp: true,
      oobIp: true,
      os: true,
      notes: true,
      model: { select: { name: true, kind: true } },
      chassis: { select: { hostname: true } },
      power: { select: { feed: { select: { name: true } } } },
      sleds: { orderBy: { bay: "asc" }, select: { hostname: true } },
    },
  });
  if (!d) return null;
  return {
    id: d.id,
    version: d.version,
    hostname: d.hostname,
    model: d.model.name,
    modelKind: d.model.kind,
    role: d.role,
    status: d.status,
    serial: d.serial,
    assetTag: d.assetTag,
    placement: d.cabinetId !== null ? "rack" : d.chassis ? "chassis" : "unplaced",
    cabinetId: d.cabinetId,
    uLow: d.uLow,
    face: d.face,
    chassis: d.chassis?.hostname ?? null,
    bay: d.chassis ? d.bay : null,
    power: d.power.map((p) => p.feed.name).sort(),
    primaryIp: d.primaryIp,
    oobIp: d.oobIp,
    os: d.os,
    notes: d.notes,
    sleds: d.sleds.map((s) => s.hostname),
  };
}

export type ModelChoice = { name: string; kind: ModelKind; heightU: number; fullDepth: boolean };
export type CabinetChoice = { id: number; site: string; name: string; room: string | null };

export async function listDeviceFormChoices(): Promise<{ models: ModelChoice[]; cabinets: CabinetChoice[] }> {
  const [models, cabinets] = await Promise.all([
    db().model.findMany({ orderBy: { name: "asc" }, select: { name: true, kind: true, heightU: true, fullDepth: true } }),
    db().cabinet.findMany({
      orderBy: [{ site: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, site: { select: { name: true } }, room: { select: { name: true } } },
    }),
  ]);
  return { models, cabinets: cabinets.map((c) => ({ id: c.id, site: c.site.name, name: c.name, room: c.room?.name ?? null })) };
}

export type CabinetUnits = { id: number; site: string; name: string; heightU: number; feeds: string[]; occupants: Occupant[] };

// One cabinet's racked devices as the position picker needs them.
export async function getCabinetUnits({ cabinetId }: { cabinetId: number }): Promise<CabinetUnits | null> {
  const cabinet = await db().cabinet.findUnique({
    where: { id: cabinetId },
    select: {
      id: true,
      name: true,
      heightU: true,
      site: { select: { name: true } },
      feeds: { orderBy: { name: "asc" }, select: { name: true } },
      devices: { orderBy: { uLow: "desc" }, select: { id: true, hostname: true, uLow: true, uHeight: true, face: true, fullDepth: true } },
    },
  });
  if (!cabinet) return null;
  return {
    id: cabinet.id,
    site: cabinet.site.name,
    name: cabinet.name,
    heightU: cabinet.heightU,
    feeds: cabinet.feeds.map((f) => f.name),
    occupants: cabinet.devices.map((d) => occupantOf({ id: d.id, hostname: d.hostname, u_low: d.uLow, u_height: d.uHeight, face: d.face, full_depth: d.fullDepth })),
  };
}

function occupantOf(d: { id: number; hostname: string; u_low: number | null; u_height: number; face: Face | null; full_depth: boolean }): Occupant {
  const uLow = d.u_low ?? 0;
  return { id: d.id, hostname: d.hostname, uLow, uHigh: uLow + Math.max(d.u_height, 1) - 1, face: d.face ?? "front", fullDepth: d.full_depth };
}

// ---------------------------------------------------------------- the device as the audit log records it

// The same fields and spellings as a devices.csv import's audit entries.
async function deviceState(tx: EditTx, id: number): Promise<Record<string, unknown>> {
  const [d] = await rows<Record<string, unknown>>(
    tx,
    `SELECT d.hostname, m.name AS model, d.role, d.status::text AS status, coalesce(d.serial, '') AS serial,
            coalesce(d.asset_tag, '') AS asset_tag, coalesce(s.name, '') AS site, coalesce(c.name, '') AS cabinet,
            coalesce(d.u_low::text, '') AS u, coalesce(d.face::text, '') AS face, coalesce(ch.hostname, '') AS chassis,
            coalesce(d.bay::text, '') AS bay,
            coalesce((SELECT string_agg(f.name, ';' ORDER BY f.name COLLATE "C") FROM device_power p JOIN power_feed f ON f.id = p.feed_id
                       WHERE p.device_id = d.id), '') AS power,
            d.oob_ip, d.primary_ip,
            d.os, d.notes
       FROM device d JOIN model m ON m.id = d.model_id
       LEFT JOIN site s ON s.id = d.site_id LEFT JOIN cabinet c ON c.id = d.cabinet_id LEFT JOIN device ch ON ch.id = d.chassis_id
      WHERE d.id = $1`,
    [id],
  );
  if (!d) return {};
  // numbers as numbers and no address as "", as the import writes them; an inet arrives in
  // PostgreSQL's own spelling (no /32), which is the import's too
  for (const key of ["u", "bay"]) if (d[key] !== "") d[key] = Number(d[key]);
  for (const key of ["oob_ip", "primary_ip"]) d[key] ??= "";
  return d;
}

// ---------------------------------------------------------------- writes

const FIELD_OF: Record<string, string> = {
  device_no_overlap_front: "u",
  device_no_overlap_rear: "u",
  device_u_fits_cabinet: "u",
  device_u_positive: "u",
  device_racked_needs_height: "model",
  device_bay_needs_sled: "model",
  device_chassis_is_chassis: "chassis",
  device_not_own_chassis: "chassis",
  device_bay_exists: "bay",
  device_bay_positive: "bay",
  device_one_sled_per_bay: "bay",
  device_placement: "placement",
  device_cabinet_in_site: "cabinet_id",
  device_hostname_key: "hostname",
  device_hostname_ci_key: "hostname",
  device_hostname_format: "hostname",
  device_serial_key: "serial",
  device_serial_not_blank: "serial",
  device_asset_tag_key: "asset_tag",
  device_asset_tag_not_blank: "asset_tag",
  device_power_feed_in_cabinet: "power",
};
const fieldOf = (constraint: string | undefined) => (constraint ? (FIELD_OF[constraint] ?? null) : null);

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

type ModelRow = { id: number; name: string; kind: ModelKind; height_u: number; full_depth: boolean };
type Place = { siteId: number | null; cabinetId: number | null; uLow: number | null; face: Face | null; chassisId: number | null; bay: number | null; feeds: Map<string, number> };

async function resolvePlace(tx: EditTx, input: DeviceFormInput, model: ModelRow, self: { id: number | null; siteId: number | null }): Promise<Place> {
  const none = { cabinetId: null, uLow: null, face: null, chassisId: null, bay: null, feeds: new Map<string, number>() };
  if (input.placement === "unplaced") return { ...none, siteId: self.siteId };

  if (input.placement === "chassis") {
    // locking the chassis serialises two edits that fill the same bay
    const [chassis] = await rows<{ id: number; hostname: string; kind: ModelKind; bays: number }>(
      tx,
      `SELECT d.id, d.hostname, m.kind::text AS kind, m.bays FROM device d JOIN model m ON m.id = d.model_id
        WHERE lower(d.hostname) = lower($1) FOR UPDATE OF d`,
      [input.chassis],
    );
    if (!chassis) refuse(`There is no device named ${input.chassis}.`, "chassis");
    if (chassis.id === self.id) refuse("A device cannot sit in its own chassis.", "chassis");
    if (chassis.kind !== "chassis") refuse(`${chassis.hostname} is not a chassis: only a chassis has bays.`, "chassis");
    if (model.kind !== "sled") refuse(`Only a sled goes in a chassis bay; ${model.name} is a ${model.kind}.`, "model");
    const bay = input.bay!;
    if (bay > chassis.bays) refuse(`Chassis ${chassis.hostname} has no bay ${bay}: it has ${chassis.bays}.`, "bay");
    const [holder] = await rows<{ hostname: string }>(tx, "SELECT hostname FROM device WHERE chassis_id = $1 AND bay = $2 AND id IS DISTINCT FROM $3", [
      chassis.id,
      bay,
      self.id,
    ]);
    if (holder) refuse(`Bay ${bay} of ${chassis.hostname} is taken by ${holder.hostname}.`, "bay");
    return { ...none, siteId: null, chassisId: chassis.id, bay };
  }

  // racked: the cabinet's row lock serialises two edits placing devices in the same cabinet, so the
  // occupancy read below is still true when the update runs
  const [cabinet] = await rows<{ id: number; site_id: number; name: string; height_u: number }>(
    tx,
    "SELECT id, site_id, name, height_u FROM cabinet WHERE id = $1 FOR UPDATE",
    [input.cabinet_id],
  );
  if (!cabinet) refuse("That cabinet no longer exists.", "cabinet_id");
  if (model.height_u < 1) refuse(`A ${model.kind} has no rack units of its own: put it in a chassis bay instead.`, "model");
  const face = input.face ?? "front";
  const uLow = input.u!;
  const wanted = { uLow, uHigh: uLow + model.height_u - 1, face, fullDepth: model.full_depth };
  if (wanted.uHigh > cabinet.height_u) {
    refuse(`${formatURange(wanted.uLow, wanted.uHigh)} does not fit cabinet ${cabinet.name}: it is ${cabinet.height_u} U high.`, "u");
  }
  const occupants = (
    await rows<{ id: number; hostname: string; u_low: number; u_height: number; face: Face; full_depth: boolean }>(
      tx,
      "SELECT id, hostname, u_low, u_height, face::text AS face, full_depth FROM device WHERE cabinet_id = $1",
      [cabinet.id],
    )
  ).map(occupantOf);
  const blockers = blockersOf(occupants, wanted, self.id ?? undefined);
  if (blockers.length) refuse(takenSentence(cabinet.name, wanted, blockers), "u");
  const feeds = new Map(
    (await rows<{ id: number; name: string }>(tx, "SELECT id, name FROM power_feed WHERE cabinet_id = $1 ORDER BY name", [cabinet.id])).map((f) => [
      f.name,
      f.id,
    ]),
  );
  return { siteId: cabinet.site_id, cabinetId: cabinet.id, uLow, face, chassisId: null, bay: null, feeds };
}

// Unique values held by another device, named before the database refuses them without a name.
async function checkUnique(tx: EditTx, input: DeviceFormInput, selfId: number | null): Promise<void> {
  const checks = [
    { column: "hostname", value: input.hostname, what: "hostname", fn: "lower" },
    { column: "serial", value: input.serial, what: "service tag", fn: "upper" },
    { column: "asset_tag", value: input.asset_tag, what: "asset tag", fn: "upper" },
  ];
  for (const c of checks) {
    if (c.value === undefined) continue;
    const [holder] = await rows<{ hostname: string }>(
      tx,
      `SELECT hostname FROM device WHERE ${c.fn}(${c.column}) = ${c.fn}($1) AND id IS DISTINCT FROM $2`,
      [c.value, selfId],
    );
    if (holder) refuse(`The ${c.what} ${c.value} belongs to ${holder.hostname}${c.column === "hostname" ? "" : ` (${c.what}s are unique without regard to case)`}.`, c.column);
  }
}

export type SavedDevice = { id: number; hostname: string };

/**
 * Creates a device (no `id`) or updates one at the version its form was loaded with. Power names
 * feeds of the device's cabinet; a device that moves gets the named feeds of its new cabinet.
 */
export async function saveDevice(options: { id?: number; version?: number; input: DeviceFormInput; actor: AuditActor }): Promise<EditOutcome<SavedDevice>> {
  const { input } = options;
  return runEdit(
    options.actor,
    async (tx) => {
      const existing =
        options.id !== undefined
          ? await lockVersioned<{ id: number; version: number; site_id: number | null; cabinet_id: number | null; u_low: number | null; face: Face | null }>(tx, {
              table: "device",
              objectType: "device",
              id: options.id,
              version: options.version ?? 0,
              select: "t.id, t.version, t.site_id, t.cabinet_id, t.u_low, t.face::text AS face",
              what: "device",
            })
          : null;
      const before = existing ? await deviceState(tx, existing.id) : null;

      const [model] = await rows<ModelRow>(tx, "SELECT id, name, kind::text AS kind, height_u, full_depth FROM model WHERE name = $1", [input.model]);
      if (!model) refuse(`There is no model named ${input.model}.`, "model");
      await checkUnique(tx, input, existing?.id ?? null);
      const sleds = existing
        ? (await rows<{ id: number; hostname: string }>(tx, "SELECT id, hostname FROM device WHERE chassis_id = $1 ORDER BY bay", [existing.id]))
        : [];
      if (sleds.length && model.kind !== "chassis") {
        refuse(`${input.hostname} holds sleds (${joinNames(sleds.map((s) => s.hostname))}): move them out before giving it a model that is not a chassis.`, "model");
      }
      const place = await resolvePlace(tx, input, model, { id: existing?.id ?? null, siteId: existing?.site_id ?? null });
      const power = input.power ?? [];
      const unknown = power.filter((name) => !place.feeds.has(name));
      if (unknown.length) {
        const known = [...place.feeds.keys()];
        refuse(`The cabinet has no feed ${joinNames(unknown)}: ${known.length ? `its feeds are ${joinNames(known)}` : "it has no feeds recorded"}.`, "power");
      }

      const values: Record<string, unknown> = {
        hostname: input.hostname,
        model_id: model.id,
        role: input.role ?? "",
        status: input.status ?? "active",
        serial: input.serial ?? null,
        asset_tag: input.asset_tag ?? null,
        site_id: place.siteId,
        cabinet_id: place.cabinetId,
        u_low: place.uLow,
        face: place.face,
        chassis_id: place.chassisId,
        bay: place.bay,
        primary_ip: input.primary_ip ?? null,
        oob_ip: input.oob_ip ?? null,
        os: input.os ?? "",
        notes: input.notes ?? "",
      };
      const casts = { status: "device_status", face: "face", primary_ip: "inet", oob_ip: "inet" };
      let id: number;
      if (existing) {
        id = existing.id;
        await updateVersioned(tx, { table: "device", id, version: existing.version, set: values, casts });
      } else {
        const names = Object.keys(values);
        const [created] = await rows<{ id: number }>(
          tx,
          `INSERT INTO device (${names.join(", ")}) VALUES (${names.map((n, i) => `$${i + 1}${n in casts ? `::${casts[n as keyof typeof casts]}` : ""}`).join(", ")}) RETURNING id`,
          names.map((n) => values[n]),
        );
        id = created!.id;
      }
      // power rows after the device's new place, which the feed trigger checks them against
      await tx.client.query("DELETE FROM device_power WHERE device_id = $1", [id]);
      if (power.length) {
        await tx.client.query("INSERT INTO device_power (device_id, feed_id) SELECT $1, unnest($2::int[])", [id, power.map((n) => place.feeds.get(n)!)]);
      }

      const after = await deviceState(tx, id);
      await writeEditAudit(tx, { action: existing ? "update" : "create", objectType: "device", objectId: id, objectLabel: input.hostname, before, after });
      if (existing && sleds.length) await auditSledsMoved(tx, sleds, before!, after);
      return { id, hostname: input.hostname };
    },
    fieldOf,
  );
}

// The sleds of a chassis that moved are elsewhere now too: their history says so.
async function auditSledsMoved(tx: EditTx, sleds: { id: number; hostname: string }[], before: Record<string, unknown>, after: Record<string, unknown>) {
  const where = (s: Record<string, unknown>) => ({ site: s.site, cabinet: s.cabinet, u: s.u, face: s.face });
  for (const sled of sleds) {
    await writeEditAudit(tx, {
      action: "update",
      objectType: "device",
      objectId: sled.id,
      objectLabel: sled.hostname,
      before: where(before),
      after: { ...where(after), moved_with: after.hostname },
    });
  }
}

/**
 * Deletes a device at the version its page showed. A chassis that still holds sleds, and a device
 * on a work order, are refused with the list: nothing is deleted along with it unasked. Its Nics,
 * cables, power rows and service memberships go with it (the rows belong to the device).
 */
export async function deleteDevice(options: { id: number; version: number; actor: AuditActor }): Promise<EditOutcome<{ hostname: string }>> {
  return runEdit(options.actor, async (tx) => {
    await lockVersioned(tx, { table: "device", objectType: "device", id: options.id, version: options.version, select: "t.id, t.version", what: "device" });
    const before = await deviceState(tx, options.id);
    const sleds = await rows<{ hostname: string }>(tx, "SELECT hostname FROM device WHERE chassis_id = $1 ORDER BY bay", [options.id]);
    if (sleds.length) refuse(`${String(before.hostname)} still holds ${sleds.length === 1 ? "a sled" : `${sleds.length} sleds`}: ${joinNames(sleds.map((s) => s.hostname))}. Move or delete them first.`);
    const orders = await rows<{ id: number }>(tx, "SELECT DISTINCT work_order_id AS id FROM work_order_item WHERE device_id = $1 ORDER BY 1", [options.id]);
    if (orders.length) refuse(`${String(before.hostname)} is on work order${orders.length === 1 ? "" : "s"} ${joinNames(orders.map((o) => `#${o.id}`))}: remove it there first.`);
    const result = await tx.client.query("DELETE FROM device WHERE id = $1 AND version = $2", [options.id, options.version]);
    if (result.rowCount !== 1) throw new EditRefused({ ok: false, reason: "not_found", message: "That device no longer exists: someone deleted it." });
    await writeEditAudit(tx, { action: "delete", objectType: "device", objectId: options.id, objectLabel: String(before.hostname), before, after: null });
    return { hostname: String(before.hostname) };
  });
}
