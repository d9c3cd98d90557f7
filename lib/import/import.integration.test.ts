// CSV import against real PostgreSQL holding the demo datacenter: a corpus of bad files, each
// proving that nothing is written and that every problem is named with its row and column; files
// that create, update and leave alone; side-created parents; the audit log of an import.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AuditActor } from "../db/audit";
import { closeImportConnections, withImportTransaction } from "../db/import-sql";
import { applyDevicesPlan } from "../db/import-devices";
import { seedDemo } from "../db/seed";
import type { DevicesPlan, DeviceWrite } from "./plan-devices";
import { importCsv } from "./run";
import type { ImportKind } from "./kinds";
import type { ImportReport } from "./types";

const TABLES = ["site", "room", "power_source", "cabinet", "power_feed", "model", "device", "device_power", "nic", "cable", "service", "service_member", "audit_log"];
const actor: AuditActor = { type: "user", id: null, label: "importer@example.com" };

let pool: pg.Pool;

async function counts(): Promise<Record<string, number>> {
  const { rows } = await pool.query<Record<string, number>>(`SELECT ${TABLES.map((t) => `(SELECT count(*)::int FROM "${t}") AS ${t}`).join(", ")}`);
  return rows[0]!;
}

function csv(...lines: string[]): string {
  return `${lines.join("\r\n")}\r\n`;
}

async function run(kind: ImportKind, content: string | Uint8Array, options: { dryRun?: boolean; maxBytes?: number } = {}): Promise<ImportReport> {
  return importCsv({ kind, content, dryRun: options.dryRun ?? false, actor, maxBytes: options.maxBytes });
}

// Imports a file that must fail, and proves it wrote nothing.
async function refused(kind: ImportKind, content: string | Uint8Array, options: { maxBytes?: number } = {}) {
  const before = await counts();
  const report = await run(kind, content, options);
  expect(report.ok).toBe(false);
  expect(report.batchId).toBeNull();
  expect(await counts()).toEqual(before);
  return report.errors;
}

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
});

beforeEach(async () => {
  // other files share this database and leave their own rows behind: every test starts from the demo
  await pool.query("TRUNCATE site, model, service, work_order, audit_log RESTART IDENTITY CASCADE");
  expect(await seedDemo(process.env.DATABASE_URL!)).toEqual({ seeded: true });
});

afterAll(async () => {
  await closeImportConnections();
  await pool.end();
});

describe("a file with problems writes nothing and names every problem", () => {
  it("a key repeated within the file, on each later row", async () => {
    const errors = await refused(
      "devices",
      csv("hostname,model,site,cabinet,u", "new-01,PowerEdge R710,ORD1,A03,27", "new-02,PowerEdge R710,ORD1,A03,29", "NEW-01,PowerEdge R710,ORD1,A03,31", "new-01,PowerEdge R710,ORD1,A03,33"),
    );
    expect(errors).toEqual([
      { row: 4, column: "hostname", message: "The hostname NEW-01 is already on row 2: each device is one row." },
      { row: 5, column: "hostname", message: "The hostname new-01 is already on row 2: each device is one row." },
    ]);
  });

  it("an unknown column, on row 1 with the column named", async () => {
    const errors = await refused("devices", csv("hostname,model,rack_unit", "new-01,PowerEdge R710,27"));
    expect(errors).toEqual([{ row: 1, column: "rack_unit", message: expect.stringMatching(/^Unknown column "rack_unit": a devices file has the columns hostname, model/) }]);
  });

  it("unknown references, with where to add them", async () => {
    const devices = await refused(
      "devices",
      csv("hostname,model,site,cabinet,u", "new-01,PowerEdge R710,ORD1,C99,1", "new-02,PowerEdge R999,ORD1,A03,27", "new-03,PowerEdge R710,NOWHERE,A03,27"),
    );
    expect(devices).toEqual([
      { row: 2, column: "cabinet", message: "Cabinet ORD1/C99 does not exist: add it in cabinets.csv first." },
      { row: 3, column: "model", message: "Model PowerEdge R999 does not exist: add it in models.csv first." },
      { row: 4, column: "site", message: "Site NOWHERE does not exist: add it (with its cabinets) in cabinets.csv first." },
    ]);
    const nics = await refused("nics", csv("hostname,name,kind,bond", "ghost-01,eth0,nic,", "app-01,eth9,nic,bond7"));
    expect(nics).toEqual([
      { row: 2, column: "hostname", message: "Device ghost-01 does not exist: add it in devices.csv first." },
      { row: 3, column: "bond", message: "app-01 has no bond bond7: add a row for bond7 with kind bond." },
    ]);
    const services = await refused("services", csv("service,hostname,role", "redis,ghost-01,master"));
    expect(services).toEqual([{ row: 2, column: "hostname", message: "Device ghost-01 does not exist: add it in devices.csv first." }]);
  });

  it("overlapping rack units, naming the occupant (in the database and earlier in the file)", async () => {
    const occupant = (await pool.query<{ hostname: string }>("SELECT d.hostname FROM device d JOIN cabinet c ON c.id = d.cabinet_id WHERE c.name = 'A03' AND d.u_low = 1")).rows[0]!.hostname;
    const errors = await refused(
      "devices",
      csv("hostname,model,site,cabinet,u", "new-01,PowerEdge R710,ORD1,A03,1", "new-02,PowerEdge R710,ORD1,A03,27", "new-03,PowerEdge R710,ORD1,A03,28"),
    );
    expect(errors).toEqual([
      { row: 2, column: "u", message: `U1–U2 of ORD1/A03 front are taken by ${occupant}.` },
      { row: 4, column: "u", message: "U28–U29 of ORD1/A03 front are taken by new-02 (row 3)." },
    ]);
  });

  it("a bay the chassis does not have, and a bay that is taken", async () => {
    const errors = await refused(
      "devices",
      csv("hostname,model,chassis,bay", "sled-new-01,PowerEdge C6220 sled,chassis-a02-u07,9", "sled-new-02,PowerEdge C6220 sled,chassis-a02-u07,2"),
    );
    expect(errors).toEqual([
      { row: 2, column: "bay", message: "Chassis chassis-a02-u07 (PowerEdge C6220) has bays 1–4: there is no bay 9." },
      { row: 3, column: "bay", message: "Bay 2 of chassis-a02-u07 holds redis-02." },
    ]);
  });

  it("the wrong kind of model: a sled racked, a server in a bay, a bay in something that is no chassis", async () => {
    const errors = await refused(
      "devices",
      csv(
        "hostname,model,site,cabinet,u,chassis,bay",
        "sled-new-01,PowerEdge C6220 sled,ORD1,A03,27,,",
        "server-new-01,PowerEdge R710,,,,chassis-a02-u07,1",
        "sled-new-02,PowerEdge C6220 sled,,,,app-01,1",
      ),
    );
    expect(errors).toEqual([
      { row: 2, column: "model", message: expect.stringMatching(/^Model PowerEdge C6220 sled is a sled: it has no U of its own/) },
      { row: 3, column: "model", message: expect.stringMatching(/^Model PowerEdge R710 is a server: only a sled goes in a chassis bay/) },
      { row: 4, column: "chassis", message: "app-01 is a sled (PowerEdge C5220), not a chassis: it has no bays." },
    ]);
  });

  it("a port that is already cabled, and a missing port on a server", async () => {
    const { rows } = await pool.query<{ peer: string; label: string }>(
      `SELECT ad.hostname || ' ' || an.name AS peer, c.label FROM cable c JOIN nic an ON an.id = c.a_nic_id JOIN device ad ON ad.id = an.device_id
         JOIN nic bn ON bn.id = c.b_nic_id JOIN device bd ON bd.id = bn.device_id WHERE bd.hostname = 'tor-a01-a' AND bn.name = 'Te1/0/1'`,
    );
    const errors = await refused(
      "cables",
      csv("a_host,a_port,b_host,b_port,label", "spare-01,eth0,tor-a01-a,Te1/0/1,NEW-0001", "app-01,eth7,tor-a01-a,Te1/0/40,NEW-0002"),
    );
    expect(errors).toEqual([
      { row: 2, column: "a_port", message: "spare-01 has no port eth0: add it in nics.csv first (only a switch's missing ports are created)." },
      { row: 3, column: "a_port", message: expect.stringMatching(/^app-01 has no port eth7/) },
    ]);
    const taken = await refused("cables", csv("a_host,a_port,b_host,b_port,label", "spare-02,idrac,tor-a01-a,Te1/0/1,NEW-0003"));
    // spare-02 has no Nics in the demo either; a server with a free Nic shows the "already cabled" message
    expect(taken[0]!.row).toBe(2);
    await pool.query("INSERT INTO nic (device_id, name) SELECT id, 'eth5' FROM device WHERE hostname = 'app-01'");
    // a new cable (its label is new) from a Nic that has one already
    const cabled = await refused("cables", csv("a_host,a_port,b_host,b_port,label", "app-01,eth5,tor-a01-a,Te1/0/1,NEW-0004", "app-01,eth0,tor-a01-a,Te1/0/44,NEW-0005"));
    expect(cabled).toEqual([
      { row: 2, column: "b_port", message: `tor-a01-a Te1/0/1 is already cabled to ${rows[0]!.peer} (cable ${rows[0]!.label}).` },
      { row: 3, column: "a_port", message: expect.stringMatching(/^app-01 eth0 is already cabled to tor-/) },
    ]);
  });

  it("bad encoding, on the row holding the first bad byte", async () => {
    const latin1 = Buffer.concat([Buffer.from("hostname,notes\r\napp-01,fine\r\napp-02,caf"), Buffer.from([0xe9]), Buffer.from("\r\n")]);
    expect(await refused("devices", latin1)).toEqual([{ row: 3, column: "notes", message: expect.stringMatching(/^The file is not UTF-8 text: byte 0xE9 on row 3/) }]);
  });

  it("an unterminated quote, on the row where it opens", async () => {
    expect(await refused("devices", csv("hostname,notes", "app-01,fine", 'app-02,"opens here', "app-03,never closed"))).toEqual([
      { row: 3, column: "notes", message: expect.stringMatching(/^A quoted cell opens on row 3 and is never closed/) },
    ]);
  });

  it("a delimiter that is not a comma, naming the one found", async () => {
    expect(await refused("devices", csv("hostname;model;u", "app-01;PowerEdge R710;4"))).toEqual([
      { row: 1, column: null, message: expect.stringMatching(/^The columns are separated by semicolons, not commas/) },
    ]);
    expect((await refused("devices", csv("hostname\tmodel", "app-01\tPowerEdge R710")))[0]!.message).toMatch(/separated by tabs/);
  });

  it("binary content", async () => {
    const binary = Buffer.concat([Buffer.from("hostname\r\n"), Buffer.from([0x00, 0x89, 0x50, 0x4e, 0x47])]);
    expect(await refused("devices", binary)).toEqual([{ row: 2, column: null, message: expect.stringMatching(/^The file is binary, not CSV text/) }]);
  });

  it("a file over the size limit", async () => {
    const big = csv("hostname,notes", ...Array.from({ length: 200 }, (_, i) => `app-${i},${"x".repeat(50)}`));
    expect(await refused("devices", big, { maxBytes: 4096 })).toEqual([{ row: null, column: null, message: expect.stringMatching(/^The file is too large \(.*\): imports take at most 4 KB/) }]);
  });

  it("good rows are not written when another row is wrong", async () => {
    const errors = await refused("devices", csv("hostname,model,site,cabinet,u", "new-01,PowerEdge R710,ORD1,A03,27", "new-02,PowerEdge R710,ORD1,A03,44"));
    expect(errors).toEqual([{ row: 3, column: "u", message: expect.stringMatching(/^U44–U45 do not fit ORD1\/A03 \(42 U high\)/) }]);
  });

  it("a cabinet that would shrink below its devices, and a feed still in use", async () => {
    const errors = await refused("cabinets", csv("site,cabinet,height_u,power_feeds", "ORD1,A01,30,", "ORD1,A02,,A:UPS-1"));
    expect(errors).toEqual([
      { row: 2, column: "height_u", message: expect.stringMatching(/^ORD1\/A01 cannot shrink to 30 U: tor-a01-a \(up to U42\)/) },
      { row: 3, column: "power_feeds", message: expect.stringMatching(/^Feed B of ORD1\/A02 powers .* list it too, or change their power first\.$/) },
    ]);
  });

  it("a model in use cannot change its kind, nor grow into its neighbours", async () => {
    const errors = await refused("models", csv("model,kind,height_u", "PowerEdge R710,storage,", "PowerEdge 2950,,3"));
    expect(errors).toEqual([
      { row: 2, column: "kind", message: expect.stringMatching(/^Model PowerEdge R710 is a server used by \d+ devices .*its kind cannot change to storage\.$/) },
      { row: 3, column: "height_u", message: expect.stringMatching(/^At 3 U: .* would overlap /) },
    ]);
  });

  it("the database stays the last guard: a violation it raises is reported with its row and column", async () => {
    const before = await counts();
    const { rows } = await pool.query<{ id: number; model_id: number }>(
      "SELECT c.id, (SELECT id FROM model WHERE name = 'PowerEdge R710') AS model_id FROM cabinet c WHERE c.name = 'A03'",
    );
    // a plan that missed a conflict (as if the database had changed under it): U1 of A03 is taken
    const write: DeviceWrite = {
      row: 7, id: null, hostname: "sneaky-01", modelId: rows[0]!.model_id, role: "", status: "active", serial: null, assetTag: null, siteId: null,
      cabinetId: rows[0]!.id, uLow: 1, face: "front", chassis: null, bay: null, primaryIp: null, oobIp: null, os: "", notes: "", power: [],
      moves: false, serialChanges: false, assetTagChanges: false, powerChanges: false,
      audit: { objectType: "device", objectLabel: "sneaky-01", before: null, after: {} },
    };
    const plan: DevicesPlan = { outcomes: new Map([[7, "create"]]), issues: [], alsoCreated: [], creates: [write], updates: [] };
    const failure = await withImportTransaction({ actor, batchId: "test" }, async (tx) => {
      try {
        await applyDevicesPlan(tx, plan);
        return { result: null, commit: false };
      } catch (error) {
        return { result: error as { issues: unknown[] }, commit: false };
      }
    });
    expect(failure?.issues).toEqual([{ row: 7, column: "u", message: "Those rack units are already taken on the front of this cabinet." }]);
    expect(await counts()).toEqual(before);
  });
});

describe("a good file", () => {
  it("creates missing sites, rooms and power sources on the side, and lists them", async () => {
    const file = csv("site,cabinet,room,height_u,power_feeds", "IAD9,C01,Hall 1,45,A:UPS-1;B:UPS-2", "IAD9,C02,Hall 1,,A:UPS-1;B:UPS-3", "ORD1,A09,Room A,,A:UPS-1;B:UPS-2");
    const dry = await run("cabinets", file, { dryRun: true });
    const before = await counts();
    expect(dry).toMatchObject({ ok: true, dryRun: true, created: 3, updated: 0, unchanged: 0, batchId: null });
    expect(await counts()).toEqual(before);

    const report = await run("cabinets", file);
    expect(report).toMatchObject({ ok: true, created: 3, updated: 0, unchanged: 0, errors: [] });
    expect(report.alsoCreated).toEqual([
      { type: "site", key: "IAD9" },
      { type: "room", key: "IAD9/Hall 1" },
      { type: "power_source", key: "IAD9/UPS-1" },
      { type: "power_source", key: "IAD9/UPS-2" },
      { type: "power_source", key: "IAD9/UPS-3" },
    ]);
    const { rows } = await pool.query(
      `SELECT c.name, c.height_u, r.name AS room, string_agg(f.name || ':' || p.name, ';' ORDER BY f.name) AS feeds
         FROM cabinet c JOIN site s ON s.id = c.site_id LEFT JOIN room r ON r.id = c.room_id
         JOIN power_feed f ON f.cabinet_id = c.id JOIN power_source p ON p.id = f.source_id
        WHERE s.name = 'IAD9' GROUP BY c.name, c.height_u, r.name ORDER BY c.name`,
    );
    expect(rows).toEqual([
      { name: "C01", height_u: 45, room: "Hall 1", feeds: "A:UPS-1;B:UPS-2" },
      { name: "C02", height_u: 42, room: "Hall 1", feeds: "A:UPS-1;B:UPS-3" },
    ]);
    // one audit row per object written, all under the import's batch, by the importing user
    const audit = await pool.query<{ object_type: string; n: number }>(
      "SELECT object_type, count(*)::int AS n FROM audit_log WHERE batch_id = $1 AND actor_label = $2 GROUP BY object_type ORDER BY object_type",
      [report.batchId, actor.label],
    );
    expect(audit.rows).toEqual([
      { object_type: "cabinet", n: 3 },
      { object_type: "power_source", n: 3 },
      { object_type: "room", n: 1 },
      { object_type: "site", n: 1 },
    ]);
  });

  it("imported twice changes nothing the second time", async () => {
    const files: [ImportKind, string][] = [
      ["models", csv("model,manufacturer,kind,height_u,bays,bay_layout", "Acme 4-bay,Acme,chassis,2,,2x2", "Acme sled,Acme,sled,,,", "Acme 1U,Acme,server,1,,")],
      ["cabinets", csv("site,cabinet,room,power_feeds", "ORD1,A09,Room A,A:UPS-1;B:UPS-2")],
      [
        "devices",
        csv(
          "hostname,model,site,cabinet,u,face,chassis,bay,power,serial,oob_ip",
          "acme-chassis-01,Acme 4-bay,ORD1,A09,1,,,,A;B,ACME0001,10.200.0.1",
          "acme-sled-01,Acme sled,,,,,acme-chassis-01,1,,ACME0002,10.200.0.2",
          "acme-01,Acme 1U,ORD1,A09,10,rear,,,A,ACME0003,",
          "tor-a09-a,Generic 1U switch,ORD1,A09,42,,,,A;B,,",
        ),
      ],
      [
        "nics",
        csv(
          "hostname,name,kind,mac,speed,driver,bond,bond_mode,enabled,ip",
          "acme-01,bond0,bond,,,,,802.3ad,,10.200.1.1/24",
          "acme-01,eth0,nic,00-AA-BB-CC-DD-01,10G,ixgbe,bond0,,yes,",
          "acme-01,eth1,,00aa.bbcc.dd02,10000,ixgbe,bond0,,0,",
          "acme-sled-01,eth0,,,1G,bnx2,,,,",
        ),
      ],
      ["cables", csv("a_host,a_port,b_host,b_port,label", "acme-01,eth0,tor-a09-a,Te1/0/1,A09-0001", "acme-01,eth1,tor-a09-a,Te1/0/2,", "acme-sled-01,eth0,tor-a09-a,Te1/0/3,A09-0003")],
      ["services", csv("service,hostname,role,min_up", "acme-db,acme-01,master,1", "acme-db,acme-sled-01,slave,", "redis,acme-01,,")],
    ];
    const first: Record<string, unknown> = {};
    for (const [kind, file] of files) {
      const report = await run(kind, file);
      expect(report.errors, kind).toEqual([]);
      first[kind] = { created: report.created, updated: report.updated, unchanged: report.unchanged, alsoCreated: report.alsoCreated };
    }
    expect(first).toEqual({
      models: { created: 3, updated: 0, unchanged: 0, alsoCreated: [] },
      cabinets: { created: 1, updated: 0, unchanged: 0, alsoCreated: [] },
      devices: { created: 4, updated: 0, unchanged: 0, alsoCreated: [] },
      nics: { created: 4, updated: 0, unchanged: 0, alsoCreated: [] },
      cables: {
        created: 3,
        updated: 0,
        unchanged: 0,
        alsoCreated: [
          { type: "switch_port", key: "tor-a09-a Te1/0/1" },
          { type: "switch_port", key: "tor-a09-a Te1/0/2" },
          { type: "switch_port", key: "tor-a09-a Te1/0/3" },
        ],
      },
      services: { created: 3, updated: 0, unchanged: 0, alsoCreated: [{ type: "service", key: "acme-db" }] },
    });
    const nics = await pool.query("SELECT n.name, n.mac, n.speed_mbps, n.enabled, b.name AS bond, n.ip FROM nic n JOIN device d ON d.id = n.device_id LEFT JOIN nic b ON b.id = n.bond_id WHERE d.hostname = 'acme-01' ORDER BY n.name");
    expect(nics.rows).toEqual([
      { name: "bond0", mac: null, speed_mbps: null, enabled: true, bond: null, ip: "10.200.1.1/24" },
      { name: "eth0", mac: "00:aa:bb:cc:dd:01", speed_mbps: 10000, enabled: true, bond: "bond0", ip: null },
      { name: "eth1", mac: "00:aa:bb:cc:dd:02", speed_mbps: 10000, enabled: false, bond: "bond0", ip: null },
    ]);
    const audit = (await counts()).audit_log;
    for (const [kind, file] of files) {
      const again = await run(kind, file);
      expect({ kind, created: again.created, updated: again.updated, alsoCreated: again.alsoCreated, errors: again.errors }).toEqual({ kind, created: 0, updated: 0, alsoCreated: [], errors: [] });
      expect(again.unchanged).toBe(again.rows);
    }
    expect((await counts()).audit_log).toBe(audit);
  });

  it("updates what a row changes, leaves what an empty cell does not say, and audits only the change", async () => {
    const report = await run("devices", csv("hostname,role,status,u,notes", "app-01,,failed,,", "db-master-01,db,,,moved by import", "spare-01,spare,inventory,,"));
    expect(report).toMatchObject({ ok: true, created: 0, updated: 2, unchanged: 1 });
    const { rows } = await pool.query("SELECT hostname, role, status, notes FROM device WHERE hostname IN ('app-01', 'db-master-01') ORDER BY hostname");
    expect(rows).toEqual([
      { hostname: "app-01", role: "app", status: "failed", notes: "" },
      { hostname: "db-master-01", role: "db", status: "active", notes: "moved by import" },
    ]);
    const audit = await pool.query("SELECT object_label, action, before, after FROM audit_log WHERE batch_id = $1 ORDER BY object_label", [report.batchId]);
    expect(audit.rows).toEqual([
      { object_label: "app-01", action: "update", before: { status: "active" }, after: { status: "failed" } },
      { object_label: "db-master-01", action: "update", before: { notes: "" }, after: { notes: "moved by import" } },
    ]);
  });

  it("audits text with line breaks, tabs, backslashes and quotes exactly as written", async () => {
    const notes = 'line one\nline\ttwo \\ "three"\r\nC:\\new\\N';
    const report = await run("devices", `hostname,notes\r\napp-02,"${notes.replace(/"/g, '""')}"\r\n`);
    expect(report).toMatchObject({ ok: true, updated: 1 });
    const audit = await pool.query("SELECT after FROM audit_log WHERE batch_id = $1", [report.batchId]);
    expect(audit.rows).toEqual([{ after: { notes } }]);
  });

  it("moves devices in any row order: two servers swap their units", async () => {
    const { rows } = await pool.query<{ hostname: string; u_low: number }>(
      "SELECT d.hostname, d.u_low FROM device d JOIN cabinet c ON c.id = d.cabinet_id WHERE c.name = 'A03' AND d.u_low IN (1, 3) ORDER BY d.u_low",
    );
    const [low, high] = rows;
    const report = await run("devices", csv("hostname,u", `${low!.hostname},3`, `${high!.hostname},1`));
    expect(report).toMatchObject({ ok: true, updated: 2, errors: [] });
    const after = await pool.query("SELECT hostname, u_low FROM device WHERE hostname IN ($1, $2) ORDER BY u_low", [low!.hostname, high!.hostname]);
    expect(after.rows).toEqual([
      { hostname: high!.hostname, u_low: 1 },
      { hostname: low!.hostname, u_low: 3 },
    ]);
  });
});
