// The placement rules of DESIGN.md, proven against the real PostgreSQL: the database itself
// refuses what the app must never write, whatever code path tries.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

let pool: pg.Pool;

beforeAll(() => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 25 });
});
afterAll(async () => {
  await pool.end();
});

async function one<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await pool.query(sql, params);
  return rows[0] as T;
}

async function violation(sql: string, params: unknown[] = []): Promise<{ code: string; constraint: string }> {
  try {
    await pool.query(sql, params);
  } catch (error) {
    const e = error as { code: string; constraint: string };
    return { code: e.code, constraint: e.constraint };
  }
  throw new Error(`expected the database to refuse: ${sql}`);
}

let cabinet: number;
let models: Record<"server2u" | "half1u" | "chassis" | "sled" | "sw", number>;
let n = 0;
const host = (p: string) => `${p}-${++n}`;

async function rack(opts: { model: number; u: number; face: "front" | "rear"; cabinetId?: number }) {
  return one<{ id: number }>(
    `INSERT INTO device (hostname, model_id, cabinet_id, u_low, face) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [host("dev"), opts.model, opts.cabinetId ?? cabinet, opts.u, opts.face],
  );
}

beforeEach(async () => {
  await pool.query(`TRUNCATE site, model RESTART IDENTITY CASCADE`);
  const site = await one<{ id: number }>(`INSERT INTO site (name) VALUES ('ORD1') RETURNING id`);
  const room = await one<{ id: number }>(`INSERT INTO room (site_id, name) VALUES ($1, 'Room A') RETURNING id`, [site.id]);
  cabinet = (await one<{ id: number }>(
    `INSERT INTO cabinet (site_id, room_id, name, height_u) VALUES ($1, $2, 'C12', 42) RETURNING id`,
    [site.id, room.id],
  )).id;
  const model = async (name: string, kind: string, height: number, fullDepth = true, bays = 0) =>
    (await one<{ id: number }>(
      `INSERT INTO model (name, kind, height_u, full_depth, bays) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [name, kind, height, fullDepth, bays],
    )).id;
  models = {
    server2u: await model("PowerEdge R710", "server", 2),
    half1u: await model("Half-depth 1U", "server", 1, false),
    chassis: await model("PowerEdge C5000", "chassis", 3, true, 8),
    sled: await model("PowerEdge C5220", "sled", 0),
    sw: await model("Generic 1U switch", "switch", 1, false),
  };
});

describe("rack units", () => {
  it("refuses two devices overlapping on one face", async () => {
    await rack({ model: models.server2u, u: 10, face: "front" }); // U10-U11
    const v = await violation(`INSERT INTO device (hostname, model_id, cabinet_id, u_low, face) VALUES ('x', $1, $2, 11, 'front')`, [models.server2u, cabinet]);
    expect(v).toEqual({ code: "23P01", constraint: "device_no_overlap_front" });
  });

  it("allows a front and a rear half-depth device in the same U", async () => {
    await rack({ model: models.half1u, u: 20, face: "front" });
    await rack({ model: models.half1u, u: 20, face: "rear" });
    const { count } = await one<{ count: string }>(`SELECT count(*) FROM device WHERE u_low = 20`);
    expect(count).toBe("2");
  });

  it("refuses a full-depth device over a half-depth one on either face", async () => {
    await rack({ model: models.half1u, u: 5, face: "front" });
    await rack({ model: models.half1u, u: 8, face: "rear" });
    // full depth, mounted from the rear, still collides with the front device at U5
    const front = await violation(`INSERT INTO device (hostname, model_id, cabinet_id, u_low, face) VALUES ('x', $1, $2, 4, 'rear')`, [models.server2u, cabinet]);
    expect(front.code).toBe("23P01");
    expect(front.constraint).toMatch(/^device_no_overlap_(front|rear)$/);
    // full depth from the front collides with the rear device at U8
    const rear = await violation(`INSERT INTO device (hostname, model_id, cabinet_id, u_low, face) VALUES ('y', $1, $2, 7, 'front')`, [models.server2u, cabinet]);
    expect(rear).toEqual({ code: "23P01", constraint: "device_no_overlap_rear" });
  });

  it("refuses a half-depth device on the face a full-depth one already blocks", async () => {
    await rack({ model: models.server2u, u: 30, face: "front" });
    const v = await violation(`INSERT INTO device (hostname, model_id, cabinet_id, u_low, face) VALUES ('x', $1, $2, 31, 'rear')`, [models.half1u, cabinet]);
    expect(v).toEqual({ code: "23P01", constraint: "device_no_overlap_rear" });
  });

  it("refuses a device that sticks out past the top of the cabinet", async () => {
    const v = await violation(`INSERT INTO device (hostname, model_id, cabinet_id, u_low, face) VALUES ('x', $1, $2, 42, 'front')`, [models.server2u, cabinet]);
    expect(v).toEqual({ code: "23514", constraint: "device_u_fits_cabinet" });
    await rack({ model: models.server2u, u: 41, face: "front" }); // U41-U42 fits exactly
  });

  it("refuses U0 and a half-given placement", async () => {
    expect((await violation(`INSERT INTO device (hostname, model_id, cabinet_id, u_low, face) VALUES ('x', $1, $2, 0, 'front')`, [models.server2u, cabinet])).constraint).toBe("device_u_positive");
    expect((await violation(`INSERT INTO device (hostname, model_id, cabinet_id) VALUES ('x', $1, $2)`, [models.server2u, cabinet])).constraint).toBe("device_placement");
  });

  it("refuses a model height change that would make devices overlap, and writes nothing", async () => {
    await rack({ model: models.server2u, u: 10, face: "front" });
    await rack({ model: models.server2u, u: 12, face: "front" });
    const v = await violation(`UPDATE model SET height_u = 3 WHERE id = $1`, [models.server2u]);
    expect(v.code).toBe("23P01");
    const { height_u } = await one<{ height_u: number }>(`SELECT height_u FROM model WHERE id = $1`, [models.server2u]);
    expect(height_u).toBe(2);
    const heights = await pool.query(`SELECT DISTINCT u_height FROM device`);
    expect(heights.rows).toEqual([{ u_height: 2 }]);
  });

  it("refuses shrinking a cabinet below its devices, naming them", async () => {
    const d = await rack({ model: models.server2u, u: 40, face: "front" });
    const { hostname } = await one<{ hostname: string }>(`SELECT hostname FROM device WHERE id = $1`, [d.id]);
    await expect(pool.query(`UPDATE cabinet SET height_u = 24 WHERE id = $1`, [cabinet])).rejects.toThrow(hostname);
  });

  it("leaves exactly one of 20 concurrent inserts into one slot", async () => {
    const attempts = Array.from({ length: 20 }, (_, i) =>
      pool.query(`INSERT INTO device (hostname, model_id, cabinet_id, u_low, face) VALUES ($1, $2, $3, 15, 'front')`, [`race-${i}`, models.server2u, cabinet]),
    );
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect((r.reason as { code: string }).code).toBe("23P01");
    }
    const { count } = await one<{ count: string }>(`SELECT count(*) FROM device WHERE cabinet_id = $1 AND u_low = 15`, [cabinet]);
    expect(count).toBe("1");
  });
});

describe("chassis and sleds", () => {
  it("refuses a second sled in one bay", async () => {
    const chassis = await rack({ model: models.chassis, u: 1, face: "front" });
    await pool.query(`INSERT INTO device (hostname, model_id, chassis_id, bay) VALUES ('sled-1', $1, $2, 3)`, [models.sled, chassis.id]);
    const v = await violation(`INSERT INTO device (hostname, model_id, chassis_id, bay) VALUES ('sled-2', $1, $2, 3)`, [models.sled, chassis.id]);
    expect(v).toEqual({ code: "23505", constraint: "device_one_sled_per_bay" });
  });

  it("refuses a bay the chassis model does not have", async () => {
    const chassis = await rack({ model: models.chassis, u: 1, face: "front" });
    const v = await violation(`INSERT INTO device (hostname, model_id, chassis_id, bay) VALUES ('sled-9', $1, $2, 9)`, [models.sled, chassis.id]);
    expect(v).toEqual({ code: "23514", constraint: "device_bay_exists" });
  });

  it("refuses racking a sled and putting a non-sled in a bay", async () => {
    const chassis = await rack({ model: models.chassis, u: 1, face: "front" });
    expect((await violation(`INSERT INTO device (hostname, model_id, cabinet_id, u_low, face) VALUES ('s', $1, $2, 20, 'front')`, [models.sled, cabinet])).constraint).toBe("device_racked_needs_height");
    expect((await violation(`INSERT INTO device (hostname, model_id, chassis_id, bay) VALUES ('r', $1, $2, 1)`, [models.server2u, chassis.id])).constraint).toBe("device_bay_needs_sled");
  });
});

describe("nics and cables", () => {
  async function nic(deviceId: number, name: string, mac: string | null = null) {
    return one<{ id: number }>(`INSERT INTO nic (device_id, name, mac) VALUES ($1, $2, $3) RETURNING id`, [deviceId, name, mac]);
  }

  it("refuses a second cable on a Nic, from either end", async () => {
    const server = await rack({ model: models.server2u, u: 10, face: "front" });
    const tor = await rack({ model: models.sw, u: 42, face: "rear" });
    const eth0 = await nic(server.id, "eth0");
    const p1 = await nic(tor.id, "Te1/0/1");
    const p2 = await nic(tor.id, "Te1/0/2");
    await pool.query(`INSERT INTO cable (a_nic_id, b_nic_id, label) VALUES ($1, $2, 'C12-0001')`, [eth0.id, p1.id]);
    // the same end twice: the unique index says so
    expect(await violation(`INSERT INTO cable (a_nic_id, b_nic_id) VALUES ($1, $2)`, [eth0.id, p2.id])).toEqual({ code: "23505", constraint: "cable_a_nic_id_key" });
    // eth0 is the a-end above; as the b-end of a new cable it is still taken
    expect(await violation(`INSERT INTO cable (a_nic_id, b_nic_id) VALUES ($1, $2)`, [p2.id, eth0.id])).toEqual({ code: "23505", constraint: "cable_nic_one_cable" });
    // two cables of one statement on one Nic, one at each end (the check runs once per statement)
    const eth1 = await nic(server.id, "eth1");
    const p3 = await nic(tor.id, "Te1/0/3");
    expect(await violation(`INSERT INTO cable (a_nic_id, b_nic_id) VALUES ($1, $2), ($3, $1)`, [eth1.id, p2.id, p3.id])).toEqual({ code: "23505", constraint: "cable_nic_one_cable" });
    // and an update that moves a cable's end onto a cabled Nic
    const spare = await one<{ id: number }>(`INSERT INTO cable (a_nic_id, b_nic_id) VALUES ($1, $2) RETURNING id`, [eth1.id, p2.id]);
    expect(await violation(`UPDATE cable SET b_nic_id = $1 WHERE id = $2`, [eth0.id, spare.id])).toEqual({ code: "23505", constraint: "cable_nic_one_cable" });
  });

  it("makes a concurrent cable on the other end of a Nic wait for the first, then refuses it", async () => {
    const server = await rack({ model: models.server2u, u: 20, face: "front" });
    const tor = await rack({ model: models.sw, u: 41, face: "rear" });
    const eth0 = await nic(server.id, "eth0");
    const p1 = await nic(tor.id, "Te1/0/1");
    const p2 = await nic(tor.id, "Te1/0/2");
    const first = await pool.connect();
    const second = await pool.connect();
    try {
      await first.query("BEGIN");
      await first.query(`INSERT INTO cable (a_nic_id, b_nic_id) VALUES ($1, $2)`, [eth0.id, p1.id]);
      await second.query("BEGIN");
      const pid = (await second.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      const outcome = second.query(`INSERT INTO cable (a_nic_id, b_nic_id) VALUES ($1, $2)`, [p2.id, eth0.id]).then(
        () => "written",
        (error: { constraint?: string }) => error.constraint,
      );
      // the second writer's check must wait for the first transaction, not race it
      for (let waited = 0; ; waited++) {
        const { rows } = await pool.query<{ waiting: boolean }>("SELECT wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE pid = $1", [pid]);
        if (rows[0]?.waiting) break;
        if (waited > 200) throw new Error("the second cable did not wait for the first");
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await first.query("COMMIT");
      expect(await outcome).toBe("cable_nic_one_cable");
      await second.query("ROLLBACK");
    } finally {
      first.release();
      second.release();
    }
  });

  it("keeps a MAC unique and well-formed", async () => {
    const server = await rack({ model: models.server2u, u: 10, face: "front" });
    await nic(server.id, "eth0", "00:1a:2b:3c:4d:5e");
    expect(await violation(`INSERT INTO nic (device_id, name, mac) VALUES ($1, 'eth1', '00:1a:2b:3c:4d:5e')`, [server.id])).toEqual({ code: "23505", constraint: "nic_mac_key" });
    expect((await violation(`INSERT INTO nic (device_id, name, mac) VALUES ($1, 'eth2', '00-1A-2B-3C-4D-5F')`, [server.id])).constraint).toBe("nic_mac_format");
  });

  it("refuses a bond member on another device", async () => {
    const a = await rack({ model: models.server2u, u: 10, face: "front" });
    const b = await rack({ model: models.server2u, u: 12, face: "front" });
    const bond = await one<{ id: number }>(`INSERT INTO nic (device_id, name, kind, bond_mode) VALUES ($1, 'bond0', 'bond', '802.3ad') RETURNING id`, [a.id]);
    const v = await violation(`INSERT INTO nic (device_id, name, bond_id) VALUES ($1, 'eth0', $2)`, [b.id, bond.id]);
    expect(v).toEqual({ code: "23503", constraint: "nic_bond_same_device" });
  });
});

describe("identity", () => {
  it("keeps hostname, service tag and asset tag unique whatever their case", async () => {
    await pool.query(`INSERT INTO device (hostname, model_id, serial, asset_tag) VALUES ('app-01', $1, 'ABC1234', 'A-100')`, [models.server2u]);
    expect((await violation(`INSERT INTO device (hostname, model_id) VALUES ('APP-01', $1)`, [models.server2u])).constraint).toBe("device_hostname_ci_key");
    expect((await violation(`INSERT INTO device (hostname, model_id, serial) VALUES ('app-02', $1, 'abc1234')`, [models.server2u])).constraint).toBe("device_serial_key");
    expect((await violation(`INSERT INTO device (hostname, model_id, asset_tag) VALUES ('app-03', $1, 'a-100')`, [models.server2u])).constraint).toBe("device_asset_tag_key");
    // not given is not a duplicate
    await pool.query(`INSERT INTO device (hostname, model_id) VALUES ('spare-1', $1), ('spare-2', $1)`, [models.server2u]);
  });
});

describe("power", () => {
  it("refuses moving a device while it still draws on its old cabinet's feeds, unless the move replaces them", async () => {
    const site = await one<{ id: number }>(`SELECT id FROM site WHERE name = 'ORD1'`);
    const other = await one<{ id: number }>(`INSERT INTO cabinet (site_id, name) VALUES ($1, 'C13') RETURNING id`, [site.id]);
    const feedA = await one<{ id: number }>(`INSERT INTO power_feed (cabinet_id, name) VALUES ($1, 'A') RETURNING id`, [cabinet]);
    const newFeedA = await one<{ id: number }>(`INSERT INTO power_feed (cabinet_id, name) VALUES ($1, 'A') RETURNING id`, [other.id]);
    const d = await rack({ model: models.server2u, u: 10, face: "front" });
    await pool.query(`INSERT INTO device_power (device_id, feed_id) VALUES ($1, $2)`, [d.id, feedA.id]);
    const v = await violation(`UPDATE device SET cabinet_id = $1 WHERE id = $2`, [other.id, d.id]);
    expect(v).toEqual({ code: "23514", constraint: "device_power_feed_in_cabinet" });
    // the same move with its power replaced in one transaction succeeds
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`UPDATE device SET cabinet_id = $1 WHERE id = $2`, [other.id, d.id]);
      await client.query(`DELETE FROM device_power WHERE device_id = $1`, [d.id]);
      await client.query(`INSERT INTO device_power (device_id, feed_id) VALUES ($1, $2)`, [d.id, newFeedA.id]);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    expect((await one<{ cabinet_id: number }>(`SELECT cabinet_id FROM device WHERE id = $1`, [d.id])).cabinet_id).toBe(other.id);
  });
});
