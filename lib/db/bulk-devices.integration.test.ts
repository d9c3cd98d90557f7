// Bulk changes from the devices table, against the demo datacenter in real PostgreSQL: one
// transaction, one audit row per device changed, and a delete that something blocks refused whole.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditActor } from "./audit";
import { deleteDevices, setDevicesField } from "./bulk-devices";
import { seedDemo } from "./seed";

let pool: pg.Pool;
const actor: AuditActor = { type: "user", id: null, label: "bulk-test" };

async function devices(hostnames: string[]) {
  const { rows } = await pool.query<{ hostname: string; status: string; role: string; version: number }>(
    "SELECT hostname, status::text AS status, role, version FROM device WHERE hostname = ANY($1) ORDER BY hostname",
    [hostnames],
  );
  return rows;
}

beforeAll(async () => {
  const url = process.env.DATABASE_URL!;
  pool = new pg.Pool({ connectionString: url });
  await pool.query("TRUNCATE site, model, service, work_order, audit_log RESTART IDENTITY CASCADE");
  expect(await seedDemo(url)).toEqual({ seeded: true });
});

afterAll(async () => {
  await pool.end();
});

describe("setDevicesField", () => {
  it("changes the status of every selected device, bumps versions and audits only the ones that changed", async () => {
    const before = await devices(["app-01", "app-02"]);
    await pool.query("UPDATE device SET status = 'failed' WHERE hostname = 'app-02'");
    const outcome = await setDevicesField({ hostnames: ["app-01", "app-02"], field: "status", value: "failed", actor });
    expect(outcome).toEqual({ ok: true, changed: 1, hostnames: ["app-01"] });
    const after = await devices(["app-01", "app-02"]);
    expect(after.map((d) => d.status)).toEqual(["failed", "failed"]);
    expect(after[0]!.version).toBe(before[0]!.version + 1);
    const { rows } = await pool.query("SELECT object_label, before, after FROM audit_log WHERE actor_label = 'bulk-test' AND action = 'update'");
    expect(rows).toEqual([{ object_label: "app-01", before: { status: before[0]!.status }, after: { status: "failed" } }]);
  });

  it("changes nothing when one hostname is gone", async () => {
    const before = await devices(["app-03"]);
    const outcome = await setDevicesField({ hostnames: ["app-03", "no-such-host"], field: "role", value: "x", actor });
    expect(outcome).toEqual({ ok: false, message: "No device is named no-such-host any more: nothing was changed. Reload the list." });
    expect(await devices(["app-03"])).toEqual(before);
  });
});

describe("deleteDevices", () => {
  it("refuses a chassis whose sleds are not selected, naming them, and deletes nothing", async () => {
    const { rows } = await pool.query<{ chassis: string; sleds: string[] }>(
      "SELECT ch.hostname AS chassis, array_agg(s.hostname ORDER BY s.bay) AS sleds FROM device ch JOIN device s ON s.chassis_id = ch.id GROUP BY ch.hostname ORDER BY 1 LIMIT 1",
    );
    const { chassis, sleds } = rows[0]!;
    const outcome = await deleteDevices({ hostnames: [chassis], actor });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toContain(`${chassis} still holds sleds that are not selected (${sleds.slice(0, 8).join(", ")}`);
    expect(await devices([chassis, ...sleds])).toHaveLength(sleds.length + 1);

    // with its sleds selected too, the chassis goes, and each device has its audit row
    const deleted = await deleteDevices({ hostnames: [chassis, ...sleds], actor });
    expect(deleted).toEqual({ ok: true, changed: sleds.length + 1, hostnames: [chassis, ...sleds].sort() });
    expect(await devices([chassis, ...sleds])).toEqual([]);
    const audit = await pool.query("SELECT count(*)::int AS n FROM audit_log WHERE actor_label = 'bulk-test' AND action = 'delete'");
    expect(audit.rows[0].n).toBe(sleds.length + 1);
  });

  it("refuses a device on a work order", async () => {
    const { rows } = await pool.query<{ id: number }>("INSERT INTO work_order (title) VALUES ('bulk test') RETURNING id");
    await pool.query("INSERT INTO work_order_item (work_order_id, device_id, action) SELECT $1, id, 'inspect' FROM device WHERE hostname = 'app-04'", [rows[0]!.id]);
    const outcome = await deleteDevices({ hostnames: ["app-04", "app-05"], actor });
    expect(outcome).toEqual({ ok: false, message: `app-04 (#${rows[0]!.id}) is on a work order: remove it there first. Nothing was deleted.` });
    expect(await devices(["app-04", "app-05"])).toHaveLength(2);
  });
});
