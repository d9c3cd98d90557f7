import "server-only";
// Edit and delete one site. A site that still holds rooms, cabinets or stock devices is not
// deleted: the refusal names them. Its power sources go with it (no feed outside it can use them).
import type { SiteFormInput } from "../schemas/place-form";
import type { AuditActor } from "./audit";
import { db } from "./client";
import { EditRefused, lockVersioned, refuse, rows, runEdit, updateVersioned, writeEditAudit, type EditOutcome, type EditTx } from "./edit-common";

export type SiteEditValues = {
  id: number;
  version: number;
  name: string;
  address: string;
  remoteHandsPhone: string;
  remoteHandsEmail: string;
  accessNotes: string;
};

export async function getSiteForEdit({ id }: { id: number }): Promise<SiteEditValues | null> {
  return db().site.findUnique({
    where: { id },
    select: { id: true, version: true, name: true, address: true, remoteHandsPhone: true, remoteHandsEmail: true, accessNotes: true },
  });
}

async function siteState(tx: EditTx, id: number) {
  const [s] = await rows<{ site: string; address: string; remote_hands_phone: string; remote_hands_email: string; access_notes: string }>(
    tx,
    "SELECT name AS site, address, remote_hands_phone, remote_hands_email, access_notes FROM site WHERE id = $1",
    [id],
  );
  return s!;
}

const FIELD_OF: Record<string, string> = { site_name_key: "name", site_name_not_blank: "name" };

export async function updateSite(options: { id: number; version: number; input: SiteFormInput; actor: AuditActor }): Promise<EditOutcome<{ id: number }>> {
  const { input } = options;
  return runEdit(
    options.actor,
    async (tx) => {
      const current = await lockVersioned<{ id: number; version: number }>(tx, {
        table: "site",
        objectType: "site",
        id: options.id,
        version: options.version,
        select: "t.id, t.version",
        what: "site",
      });
      const before = await siteState(tx, current.id);
      const [namesake] = await rows(tx, "SELECT 1 FROM site WHERE name = $1 AND id <> $2", [input.name, current.id]);
      if (namesake) refuse(`A site named ${input.name} already exists.`, "name");
      await updateVersioned(tx, {
        table: "site",
        id: current.id,
        version: current.version,
        set: {
          name: input.name,
          address: input.address ?? "",
          remote_hands_phone: input.remote_hands_phone ?? "",
          remote_hands_email: input.remote_hands_email ?? "",
          access_notes: input.access_notes ?? "",
        },
      });
      const after = await siteState(tx, current.id);
      await writeEditAudit(tx, { action: "update", objectType: "site", objectId: current.id, objectLabel: after.site, before, after });
      return { id: current.id };
    },
    (constraint) => (constraint ? (FIELD_OF[constraint] ?? null) : null),
  );
}

export async function deleteSite(options: { id: number; version: number; actor: AuditActor }): Promise<EditOutcome<{ name: string }>> {
  return runEdit(options.actor, async (tx) => {
    const current = await lockVersioned<{ id: number; version: number }>(tx, {
      table: "site",
      objectType: "site",
      id: options.id,
      version: options.version,
      select: "t.id, t.version",
      what: "site",
    });
    const before = await siteState(tx, current.id);
    const held = await rows<{ what: string; name: string }>(
      tx,
      `SELECT 'room' AS what, name FROM room WHERE site_id = $1
       UNION ALL SELECT 'cabinet', name FROM cabinet WHERE site_id = $1
       UNION ALL SELECT 'device', hostname FROM device WHERE site_id = $1
       ORDER BY 1, 2`,
      [current.id],
    );
    if (held.length) {
      const count = (what: string) => held.filter((h) => h.what === what).length;
      const parts = (["room", "cabinet", "device"] as const).flatMap((w) => (count(w) ? [`${count(w)} ${w}${count(w) === 1 ? "" : "s"}`] : []));
      refuse(`Site ${before.site} still holds ${parts.join(", ")}: move or delete them first.`, null, held.map((h) => `${h.what} ${h.name}`));
    }
    await tx.client.query("DELETE FROM power_source WHERE site_id = $1", [current.id]);
    const result = await tx.client.query("DELETE FROM site WHERE id = $1 AND version = $2", [current.id, current.version]);
    if (result.rowCount !== 1) throw new EditRefused({ ok: false, reason: "not_found", message: "That site no longer exists: someone deleted it." });
    await writeEditAudit(tx, { action: "delete", objectType: "site", objectId: current.id, objectLabel: before.site, before, after: null });
    return { name: before.site };
  });
}
