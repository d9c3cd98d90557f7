import "server-only";
// cables.csv against the database: the devices and Nics the file names (with the kind of each
// device, since a switch's missing ports are created), every cable on those Nics or with one of the
// file's labels; and the writes of a plan.
import type { CableDevice, CablesPlan, CablesSnapshot, CableState, CableWrite, PortWrite } from "../import/plan-cables";
import type { ValidRow } from "../import/validate";
import type { CsvCableRow } from "../schemas/csv-cables";
import { query, runBatched, writeAudit, type AuditWrite, type ImportTx, type Locate } from "./import-sql";

export async function loadCablesSnapshot(tx: ImportTx, rows: ValidRow<CsvCableRow>[]): Promise<CablesSnapshot> {
  const hostnames = [
    ...new Set(rows.flatMap((r) => [r.data.a_host, r.data.b_host]).filter((h): h is string => h !== undefined).map((h) => h.toLowerCase())),
  ];
  const devices = new Map<string, CableDevice>();
  for (const d of await query<{ id: number; hostname: string; kind: string }>(
    tx,
    "SELECT d.id, d.hostname, m.kind::text AS kind FROM device d JOIN model m ON m.id = d.model_id WHERE lower(d.hostname) IN (SELECT unnest($1::text[]))",
    [hostnames],
  )) {
    devices.set(d.hostname.toLowerCase(), d);
  }
  const deviceIds = [...devices.values()].map((d) => d.id);
  const nics = new Map<string, { id: number; deviceId: number; name: string }>();
  for (const n of await query<{ id: number; device_id: number; name: string }>(tx, "SELECT id, device_id, name FROM nic WHERE device_id IN (SELECT unnest($1::int[]))", [deviceIds])) {
    nics.set(`${n.device_id}\u0000${n.name}`, { id: n.id, deviceId: n.device_id, name: n.name });
  }
  const labels = [...new Set(rows.flatMap((r) => (r.data.label !== undefined ? [r.data.label] : [])))];
  const cables: CableState[] = (
    await query<{
      id: number;
      a_nic_id: number;
      b_nic_id: number;
      label: string | null;
      created_at: Date;
      version: number;
      a_host: string;
      a_name: string;
      b_host: string;
      b_name: string;
    }>(
      tx,
      `SELECT c.id, c.a_nic_id, c.b_nic_id, c.label, c.created_at, c.version, ad.hostname AS a_host, an.name AS a_name, bd.hostname AS b_host, bn.name AS b_name
         FROM cable c
         JOIN nic an ON an.id = c.a_nic_id JOIN device ad ON ad.id = an.device_id
         JOIN nic bn ON bn.id = c.b_nic_id JOIN device bd ON bd.id = bn.device_id
        WHERE c.id IN (
                SELECT x.id FROM cable x JOIN nic n ON n.id = x.a_nic_id WHERE n.device_id IN (SELECT unnest($1::int[]))
                UNION SELECT x.id FROM cable x JOIN nic n ON n.id = x.b_nic_id WHERE n.device_id IN (SELECT unnest($1::int[]))
                UNION SELECT x.id FROM cable x WHERE x.label IN (SELECT unnest($2::text[])))`,
      [deviceIds, labels],
    )
  ).map((c) => ({
    id: c.id,
    aNicId: c.a_nic_id,
    bNicId: c.b_nic_id,
    label: c.label,
    createdAt: c.created_at,
    version: c.version,
    a: { hostname: c.a_host, name: c.a_name },
    b: { hostname: c.b_host, name: c.b_name },
  }));
  return { devices, nics, cables };
}

const CABLE_COLUMNS: Record<string, string> = {
  cable_label_key: "label",
  cable_label_not_blank: "label",
  cable_ends_differ: "b_port",
  cable_nic_one_cable: "b_port",
  cable_a_nic_id_key: "a_port",
  cable_b_nic_id_key: "b_port",
  nic_device_name_key: "b_port",
  nic_name_not_blank: "b_port",
};

function locate<R extends { row: number }>(): Locate<R> {
  return { rowOf: (r) => r.row, columnOf: (c) => (c ? (CABLE_COLUMNS[c] ?? null) : null) };
}

export async function applyCablesPlan(tx: ImportTx, plan: CablesPlan): Promise<void> {
  const audit: AuditWrite[] = [];
  const created = await runBatched(
    tx,
    plan.ports,
    (batch: readonly PortWrite[]) => ({
      text: `INSERT INTO nic (device_id, name) SELECT * FROM unnest($1::int[], $2::text[]) RETURNING id, device_id, name`,
      values: [batch.map((p) => p.deviceId), batch.map((p) => p.name)],
    }),
    locate<PortWrite>(),
  );
  const portIds = new Map(created.map(([id, deviceId, name]) => [`${deviceId}\u0000${name}`, id as number]));
  for (const p of plan.ports) {
    p.id = portIds.get(`${p.deviceId}\u0000${p.name}`)!;
    audit.push({ action: "create", objectType: "nic", objectId: p.id, objectLabel: `${p.hostname} ${p.name}`, before: null, after: { hostname: p.hostname, name: p.name, kind: "nic" } });
  }
  const nicId = (e: CableWrite["a"]) => e.nicId ?? portIds.get(`${e.deviceId}\u0000${e.name}`)!;

  // a changed cable is taken out and put back under its own id, so ports and labels can move
  // between cables of one file in any row order (unique indexes are checked row by row)
  await runBatched(
    tx,
    plan.updates,
    (batch) => ({ text: "DELETE FROM cable WHERE id IN (SELECT unnest($1::int[]))", values: [batch.map((c) => c.id)] }),
    locate<CableWrite>(),
  );
  await runBatched(
    tx,
    plan.updates,
    (batch) => ({
      text: `INSERT INTO cable (id, a_nic_id, b_nic_id, label, created_at, version)
             SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::timestamptz[], $6::int[])`,
      values: [batch.map((c) => c.id), batch.map((c) => nicId(c.a)), batch.map((c) => nicId(c.b)), batch.map((c) => c.label), batch.map((c) => c.createdAt), batch.map((c) => c.version)],
    }),
    locate<CableWrite>(),
  );
  const inserted = await runBatched(
    tx,
    plan.creates,
    (batch) => ({
      text: `INSERT INTO cable (a_nic_id, b_nic_id, label) SELECT * FROM unnest($1::int[], $2::int[], $3::text[]) RETURNING id, a_nic_id`,
      values: [batch.map((c) => nicId(c.a)), batch.map((c) => nicId(c.b)), batch.map((c) => c.label)],
    }),
    locate<CableWrite>(),
  );
  const cableIds = new Map(inserted.map(([id, aNicId]) => [aNicId as number, id as number]));
  for (const c of plan.creates) c.id = cableIds.get(nicId(c.a))!;

  for (const c of plan.creates) audit.push({ action: "create", objectType: "cable", objectId: c.id!, objectLabel: c.audit.objectLabel, before: null, after: c.audit.after });
  for (const c of plan.updates) {
    audit.push({ action: "update", objectType: "cable", objectId: c.id!, objectLabel: c.audit.objectLabel, before: c.audit.before, after: c.audit.after });
  }
  await writeAudit(tx, audit);
}
