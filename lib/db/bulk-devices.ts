import "server-only";
// What the devices table does to the rows an operator selected: change their status or role, or
// delete them. Each is one transaction with one audit row per device changed; a delete that
// something blocks is refused whole, with a sentence naming the devices in the way.
import { db } from "./client";
import { recordAudit, type AuditActor } from "./audit";
import { describeConstraintViolation } from "./constraint-messages";
import { Prisma } from "./generated/client";
import type { DeviceStatus } from "./generated/enums";

export const MAX_BULK_DEVICES = 500;

export type BulkOutcome = { ok: true; changed: number; hostnames: string[] } | { ok: false; message: string };

type Locked = { id: number; hostname: string; role: string; status: DeviceStatus; chassis_id: number | null };

function listNames(names: string[], max = 8): string {
  return names.length > max ? `${names.slice(0, max).join(", ")} and ${names.length - max} more` : names.join(", ");
}

class Refused extends Error {}

async function inTransaction(fn: (tx: Prisma.TransactionClient) => Promise<BulkOutcome>): Promise<BulkOutcome> {
  try {
    return await db().$transaction(fn, { timeout: 30_000 });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2003" || error.code === "P2002" || error.code === "P2004")) {
      const constraint = typeof error.meta?.constraint === "string" ? error.meta.constraint : undefined;
      return { ok: false, message: describeConstraintViolation({ code: error.code === "P2002" ? "23505" : "23503", constraint }) };
    }
    throw error;
  }
}

// the selected devices, locked for the change; a hostname that is gone refuses the whole change
async function lockDevices(tx: Prisma.TransactionClient, hostnames: string[]): Promise<Locked[]> {
  const unique = [...new Set(hostnames)];
  if (unique.length === 0) throw new Refused("Select at least one device.");
  if (unique.length > MAX_BULK_DEVICES) throw new Refused(`Select at most ${MAX_BULK_DEVICES} devices at a time.`);
  const locked = await tx.$queryRaw<Locked[]>`
    SELECT id, hostname, role, status, chassis_id FROM device WHERE hostname = ANY(${unique}::text[]) ORDER BY id FOR UPDATE`;
  const found = new Set(locked.map((d) => d.hostname));
  const missing = unique.filter((h) => !found.has(h));
  if (missing.length > 0) throw new Refused(`No device is named ${listNames(missing)} any more: nothing was changed. Reload the list.`);
  return locked;
}

export async function setDevicesField(options: {
  hostnames: string[];
  field: "status" | "role";
  value: string;
  actor: AuditActor;
}): Promise<BulkOutcome> {
  return inTransaction(async (tx) => {
    const devices = await lockDevices(tx, options.hostnames);
    const changing = devices.filter((d) => d[options.field] !== options.value);
    if (changing.length > 0) {
      const ids = changing.map((d) => d.id);
      const set = options.field === "status" ? Prisma.sql`status = ${options.value}::device_status` : Prisma.sql`role = ${options.value}`;
      await tx.$executeRaw`UPDATE device SET ${set}, version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = ANY(${ids}::int[])`;
    }
    for (const d of changing) {
      await recordAudit(tx, {
        actor: options.actor,
        action: "update",
        objectType: "device",
        objectId: d.id,
        objectLabel: d.hostname,
        before: { [options.field]: d[options.field] },
        after: { [options.field]: options.value },
      });
    }
    return { ok: true, changed: changing.length, hostnames: changing.map((d) => d.hostname) };
  });
}

export async function deleteDevices(options: { hostnames: string[]; actor: AuditActor }): Promise<BulkOutcome> {
  return inTransaction(async (tx) => {
    const devices = await lockDevices(tx, options.hostnames);
    const ids = devices.map((d) => d.id);

    // nothing goes along unasked: a chassis keeps its sleds unless they are selected too
    const sleds = await tx.$queryRaw<{ hostname: string; chassis: string }[]>`
      SELECT s.hostname, ch.hostname AS chassis FROM device s JOIN device ch ON ch.id = s.chassis_id
      WHERE s.chassis_id = ANY(${ids}::int[]) AND NOT s.id = ANY(${ids}::int[]) ORDER BY ch.hostname, s.bay`;
    if (sleds.length > 0) {
      const chassis = [...new Set(sleds.map((s) => s.chassis))];
      throw new Refused(
        `${listNames(chassis)} still ${chassis.length === 1 ? "holds" : "hold"} sleds that are not selected (${listNames(sleds.map((s) => s.hostname))}): select them too, or move them first. Nothing was deleted.`,
      );
    }
    const orders = await tx.$queryRaw<{ hostname: string; work_order_id: number }[]>`
      SELECT DISTINCT d.hostname, i.work_order_id FROM work_order_item i JOIN device d ON d.id = i.device_id
      WHERE i.device_id = ANY(${ids}::int[]) ORDER BY d.hostname, i.work_order_id`;
    if (orders.length > 0) {
      const on = orders.map((o) => `${o.hostname} (#${o.work_order_id})`);
      throw new Refused(`${listNames(on)} ${orders.length === 1 ? "is" : "are"} on a work order: remove ${orders.length === 1 ? "it" : "them"} there first. Nothing was deleted.`);
    }

    const before = await tx.$queryRaw<{ id: number; hostname: string; model: string; role: string; status: string; serial: string | null; asset_tag: string | null }[]>`
      SELECT d.id, d.hostname, m.name AS model, d.role, d.status::text AS status, d.serial, d.asset_tag
      FROM device d JOIN model m ON m.id = d.model_id WHERE d.id = ANY(${ids}::int[])`;
    // sleds before their chassis: the chassis reference is ON DELETE RESTRICT
    const sledIds = devices.filter((d) => d.chassis_id !== null).map((d) => d.id);
    if (sledIds.length > 0) await tx.$executeRaw`DELETE FROM device WHERE id = ANY(${sledIds}::int[])`;
    await tx.$executeRaw`DELETE FROM device WHERE id = ANY(${ids}::int[])`;
    for (const d of before) {
      await recordAudit(tx, {
        actor: options.actor,
        action: "delete",
        objectType: "device",
        objectId: d.id,
        objectLabel: d.hostname,
        before: { hostname: d.hostname, model: d.model, role: d.role, status: d.status, serial: d.serial, assetTag: d.asset_tag },
        after: null,
      });
    }
    return { ok: true, changed: devices.length, hostnames: devices.map((d) => d.hostname).sort() };
  });
}
