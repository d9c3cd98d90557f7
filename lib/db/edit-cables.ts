import "server-only";
// Connect a Nic that has no cable to a port of another device, and disconnect a cable, each in one
// transaction with its audit row. As in cables.csv, a port missing on a switch is created; on any
// other device it is refused. A far port already cabled is refused by the database's own check.
import type { CableFormInput } from "../schemas/cable-form";
import type { AuditActor } from "./audit";
import { EditRefused, refuse, rows, runEdit, writeEditAudit, type EditOutcome, type EditTx } from "./edit-common";

const FIELD_OF: Record<string, string> = {
  cable_label_key: "label",
  cable_label_not_blank: "label",
  cable_ends_differ: "b_port",
  cable_nic_one_cable: "b_port",
  cable_a_nic_id_key: "b_port",
  cable_b_nic_id_key: "b_port",
  nic_device_name_key: "b_port",
  nic_name_not_blank: "b_port",
};

// the fields of a cables.csv import's audit entries
function cableValues(a: { hostname: string; name: string }, b: { hostname: string; name: string }, label: string | null) {
  return { a_host: a.hostname, a_port: a.name, b_host: b.hostname, b_port: b.name, label: label ?? "" };
}

type NicEnd = { id: number; hostname: string; name: string };

async function cableOf(tx: EditTx, nicId: number) {
  const [cable] = await rows<{ id: number; label: string | null; a_host: string; a_name: string; b_host: string; b_name: string }>(
    tx,
    `SELECT c.id, c.label, ad.hostname AS a_host, an.name AS a_name, bd.hostname AS b_host, bn.name AS b_name
       FROM cable c JOIN nic an ON an.id = c.a_nic_id JOIN device ad ON ad.id = an.device_id
       JOIN nic bn ON bn.id = c.b_nic_id JOIN device bd ON bd.id = bn.device_id
      WHERE c.a_nic_id = $1 OR c.b_nic_id = $1`,
    [nicId],
  );
  return cable;
}

export async function connectNic(options: { nicId: number; input: CableFormInput; actor: AuditActor }): Promise<EditOutcome<{ hostname: string }>> {
  const { input } = options;
  return runEdit(
    options.actor,
    async (tx) => {
      const [nic] = await rows<NicEnd & { kind: string }>(
        tx,
        "SELECT n.id, d.hostname, n.name, n.kind::text AS kind FROM nic n JOIN device d ON d.id = n.device_id WHERE n.id = $1 FOR UPDATE OF n",
        [options.nicId],
      );
      if (!nic) throw new EditRefused({ ok: false, reason: "not_found", message: "That interface no longer exists: someone deleted it." });
      if (nic.kind === "bond") refuse(`${nic.name} is a bond, not a port: cable its members instead.`);
      const existing = await cableOf(tx, nic.id);
      if (existing) {
        const far = existing.a_host === nic.hostname && existing.a_name === nic.name ? `${existing.b_host} ${existing.b_name}` : `${existing.a_host} ${existing.a_name}`;
        refuse(`${nic.hostname} ${nic.name} is already cabled to ${far}: disconnect it first.`);
      }
      const [peer] = await rows<{ id: number; hostname: string; kind: string }>(
        tx,
        "SELECT d.id, d.hostname, m.kind::text AS kind FROM device d JOIN model m ON m.id = d.model_id WHERE lower(d.hostname) = lower($1) FOR SHARE OF d",
        [input.b_host],
      );
      if (!peer) refuse(`No device is named ${input.b_host}.`, "b_host");
      let [port] = await rows<NicEnd>(tx, "SELECT id, $2::text AS hostname, name FROM nic WHERE device_id = $1 AND name = $3", [peer.id, peer.hostname, input.b_port]);
      if (!port) {
        if (peer.kind !== "switch") refuse(`${peer.hostname} has no port ${input.b_port}: add the interface first (only a switch's missing ports are created).`, "b_port");
        const [created] = await rows<{ id: number }>(tx, "INSERT INTO nic (device_id, name) VALUES ($1, $2) RETURNING id", [peer.id, input.b_port]);
        port = { id: created!.id, hostname: peer.hostname, name: input.b_port };
        await writeEditAudit(tx, { action: "create", objectType: "nic", objectId: port.id, objectLabel: `${peer.hostname} ${port.name}`, before: null, after: { hostname: peer.hostname, name: port.name, kind: "nic" } });
      }
      if (input.label !== undefined) {
        const [holder] = await rows(tx, "SELECT 1 FROM cable WHERE label = $1", [input.label]);
        if (holder) refuse(`Another cable already has the label ${input.label}.`, "label");
      }
      const [cable] = await rows<{ id: number }>(tx, "INSERT INTO cable (a_nic_id, b_nic_id, label) VALUES ($1, $2, $3) RETURNING id", [nic.id, port.id, input.label ?? null]);
      await writeEditAudit(tx, {
        action: "create",
        objectType: "cable",
        objectId: cable!.id,
        objectLabel: input.label ?? `${nic.hostname} ${nic.name} - ${port.hostname} ${port.name}`,
        before: null,
        after: cableValues(nic, port, input.label ?? null),
      });
      return { hostname: nic.hostname };
    },
    (constraint) => (constraint ? (FIELD_OF[constraint] ?? null) : null),
  );
}

// Takes out the cable on a Nic; `cableId` is the cable the page showed, so a cable put in since is not removed unseen.
export async function disconnectNic(options: { nicId: number; cableId: number; actor: AuditActor }): Promise<EditOutcome<{ hostname: string }>> {
  return runEdit(options.actor, async (tx) => {
    const [nic] = await rows<{ hostname: string }>(tx, "SELECT d.hostname FROM nic n JOIN device d ON d.id = n.device_id WHERE n.id = $1", [options.nicId]);
    if (!nic) throw new EditRefused({ ok: false, reason: "not_found", message: "That interface no longer exists: someone deleted it." });
    const [locked] = await rows(tx, "SELECT 1 FROM cable WHERE id = $1 AND $2 IN (a_nic_id, b_nic_id) FOR UPDATE", [options.cableId, options.nicId]);
    if (!locked) throw new EditRefused({ ok: false, reason: "not_found", message: "That cable is no longer there: someone changed it. Reload the page to see it now." });
    const cable = (await cableOf(tx, options.nicId))!;
    await tx.client.query("DELETE FROM cable WHERE id = $1", [cable.id]);
    const a = { hostname: cable.a_host, name: cable.a_name };
    const b = { hostname: cable.b_host, name: cable.b_name };
    await writeEditAudit(tx, {
      action: "delete",
      objectType: "cable",
      objectId: cable.id,
      objectLabel: cable.label ?? `${a.hostname} ${a.name} - ${b.hostname} ${b.name}`,
      before: cableValues(a, b, cable.label),
      after: null,
    });
    return { hostname: nic.hostname };
  });
}
