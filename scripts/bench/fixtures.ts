// What the bench measures against, drawn from the generated datacenter: an account and an API token,
// the locate queries, the failure domains, the pages' subjects and a 10-item work order with a share link.
import pg from "pg";
import { createApiToken } from "../../lib/db/api-tokens";
import { createShareLink } from "../../lib/db/share-links";
import { createUser } from "../../lib/db/users";
import { createWorkOrder } from "../../lib/db/work-orders";

export const BENCH_USER = { email: "bench@rackmap.test", name: "Bench", role: "viewer", password: "bench-password-not-secret" } as const;

export type LocateKind = "hostnamePrefix" | "substring" | "serial" | "mac" | "switchPort";
export type LocateSample = { kind: LocateKind; q: string };

export type Fixtures = {
  apiToken: string;
  locate: LocateSample[];
  domains: { cabinet: string; tor: string; room: string; driver: string };
  pages: { device: string; cabinet: string; devices: string; share: string };
  shareHosts: string[];
};

const actor = { type: "system" as const, id: null, label: "bench" };

export async function prepareFixtures(databaseUrl: string, options: { locateQueries: number }): Promise<Fixtures> {
  await createUser(BENCH_USER);
  const { token: apiToken } = await createApiToken({ name: "bench", role: "viewer" });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const one = async <T>(text: string, values: unknown[] = []): Promise<T> => {
      const { rows } = await client.query(text, values);
      if (!rows[0]) throw new Error(`the generated datacenter has nothing for: ${text.replace(/\s+/g, " ").slice(0, 120)}`);
      return rows[0] as T;
    };
    // the fullest cabinet: the heaviest elevation, and a cabinet whose failure takes down the most
    const cabinet = await one<{ id: number; name: string; site: string; room_id: number | null }>(
      `SELECT c.id, c.name, s.name AS site, c.room_id FROM cabinet c JOIN site s ON s.id = c.site_id
       ORDER BY (SELECT count(*) FROM device d WHERE d.cabinet_id = c.id) DESC, c.id LIMIT 1`,
    );
    const tor = await one<{ hostname: string }>(
      `SELECT d.hostname FROM device d JOIN model m ON m.id = d.model_id WHERE m.kind = 'switch'
       ORDER BY d.cabinet_id = $1 DESC, d.id LIMIT 1`,
      [cabinet.id],
    );
    const room = await one<{ site: string; name: string }>(
      `SELECT s.name AS site, r.name FROM room r JOIN site s ON s.id = r.site_id ORDER BY r.id = $1 DESC, r.id LIMIT 1`,
      [cabinet.room_id],
    );
    const driver = await one<{ driver: string }>(`SELECT driver FROM nic WHERE driver IS NOT NULL GROUP BY driver ORDER BY count(*) DESC, driver LIMIT 1`);
    // a sled in a service: its page shows the chassis, the bay, the cabling and the service's state
    const device = await one<{ hostname: string }>(
      `SELECT d.hostname FROM device d LEFT JOIN service_member sm ON sm.device_id = d.id
       ORDER BY (sm.device_id IS NOT NULL AND d.chassis_id IS NOT NULL) DESC, d.id LIMIT 1`,
    );

    // ten devices from a few cabinets, as a real order would have
    const { rows: orderHosts } = await client.query<{ hostname: string }>(
      `SELECT d.hostname FROM device d LEFT JOIN device p ON p.id = d.chassis_id
       WHERE coalesce(d.cabinet_id, p.cabinet_id) IS NOT NULL ORDER BY coalesce(d.cabinet_id, p.cabinet_id), d.id LIMIT 10`,
    );
    const order = await createWorkOrder({
      title: "Bench: power-cycle ten hosts",
      instructions: "Power-cycle each host, then check its link lights.",
      items: orderHosts.map((h) => ({ hostname: h.hostname, action: "power_cycle" as const })),
      createdById: null,
      actor,
    });
    const link = await createShareLink({ workOrderId: order.id, createdById: null, expiresInHours: 24 });
    if (!link) throw new Error("the bench's work order vanished");

    return {
      apiToken,
      locate: await locateSamples(client, options.locateQueries),
      domains: {
        cabinet: `cabinet:${cabinet.site}/${cabinet.name}`,
        tor: `device:${tor.hostname}`,
        room: `room:${room.site}/${room.name}`,
        driver: `nic_driver:${driver.driver}`,
      },
      pages: {
        device: `/devices/${encodeURIComponent(device.hostname)}`,
        cabinet: `/cabinets/${cabinet.id}`,
        devices: "/devices",
        share: new URL(link.url).pathname,
      },
      shareHosts: orderHosts.map((h) => h.hostname),
    };
  } finally {
    await client.end();
  }
}

// MACs as people paste them: stored form, upper-case with dashes, Cisco's dotted quads
function macNotation(mac: string, i: number): string {
  const hex = mac.replace(/:/g, "");
  if (i % 3 === 1) return mac.toUpperCase().replace(/:/g, "-");
  if (i % 3 === 2) return `${hex.slice(0, 4)}.${hex.slice(4, 8)}.${hex.slice(8)}`;
  return mac;
}

// An equal share of each kind of query, from random rows of the generated data, interleaved.
export async function locateSamples(client: pg.Client, count: number): Promise<LocateSample[]> {
  const each = Math.max(1, Math.ceil(count / 5));
  const column = async (text: string): Promise<string[]> => (await client.query<{ v: string }>(text, [each])).rows.map((r) => r.v);
  const hostnames = await column(`SELECT hostname AS v FROM device ORDER BY random() LIMIT $1`);
  const fragments = await column(`SELECT hostname AS v FROM device WHERE length(hostname) >= 7 ORDER BY random() LIMIT $1`);
  const serials = await column(`SELECT serial AS v FROM device WHERE serial IS NOT NULL ORDER BY random() LIMIT $1`);
  const macs = await column(`SELECT mac AS v FROM nic WHERE mac IS NOT NULL ORDER BY random() LIMIT $1`);
  const ports = await column(
    `SELECT sw.hostname || ' ' || port.name AS v FROM cable c JOIN nic port ON port.id IN (c.a_nic_id, c.b_nic_id)
     JOIN device sw ON sw.id = port.device_id JOIN model m ON m.id = sw.model_id WHERE m.kind = 'switch' ORDER BY random() LIMIT $1`,
  );
  const kinds: [LocateKind, string[]][] = [
    // the first two thirds of a hostname: "app-0412" -> "app-0"
    ["hostnamePrefix", hostnames.map((h) => h.slice(0, Math.max(3, Math.ceil((h.length * 2) / 3))))],
    // the middle of one: "db-master-07" -> "b-master-0"
    ["substring", fragments.map((h) => h.slice(1, -1))],
    ["serial", serials],
    ["mac", macs.map(macNotation)],
    ["switchPort", ports],
  ];
  const samples: LocateSample[] = [];
  for (let i = 0; samples.length < count && kinds.some(([, values]) => i < values.length); i++) {
    for (const [kind, values] of kinds) if (i < values.length && samples.length < count) samples.push({ kind, q: values[i]! });
  }
  return samples;
}
