// Connecting and disconnecting cables against the demo datacenter in a scratch database of this
// file's own: a connect to a switch port that does not exist yet creates the port, both audited; a
// far port already cabled is refused by the database with a sentence; a disconnect is audited.
import { describe, expect, it } from "vitest";
import { demoDatabaseForThisFile } from "../../tests/demo-database";
import { cableFormSchema } from "../schemas/cable-form";
import { connectNic, disconnectNic } from "./edit-cables";

const alice = { type: "user" as const, id: "u-alice", label: "alice@example.com" };
const { query } = demoDatabaseForThisFile("rackmap_edit_cables");

const UNCABLED = `SELECT n.id, d.hostname, n.name FROM nic n JOIN device d ON d.id = n.device_id JOIN model m ON m.id = d.model_id
                   WHERE m.kind <> 'switch' AND n.kind = 'nic'
                     AND NOT EXISTS (SELECT 1 FROM cable c WHERE n.id IN (c.a_nic_id, c.b_nic_id))
                   ORDER BY d.hostname, n.name`;

describe("connecting and disconnecting a Nic", () => {
  it("connects a Nic to a switch port it creates, refuses a second cable on either end, and disconnects", async () => {
    // every Nic of the demo is cabled: two new ones on redis-01
    await query("INSERT INTO nic (device_id, name) SELECT id, unnest(ARRAY['eth8', 'eth9']) FROM device WHERE hostname = 'redis-01'");
    const [first, second] = await query<{ id: number; hostname: string; name: string }>(UNCABLED);
    expect([first, second].map((n) => `${n?.hostname} ${n?.name}`)).toEqual(["redis-01 eth8", "redis-01 eth9"]);
    const [tor] = await query<{ hostname: string }>("SELECT d.hostname FROM device d JOIN model m ON m.id = d.model_id WHERE m.kind = 'switch' ORDER BY d.hostname LIMIT 1");
    const input = cableFormSchema.parse({ b_host: tor!.hostname.toUpperCase(), b_port: "Ethernet99", label: "X-NEW-1" });
    expect(await connectNic({ nicId: first!.id, input, actor: alice })).toEqual({ ok: true, value: { hostname: first!.hostname } });

    const [cable] = await query<{ id: number; label: string }>(
      "SELECT c.id, c.label FROM cable c JOIN nic b ON b.id = c.b_nic_id JOIN device d ON d.id = b.device_id WHERE c.a_nic_id = $1 AND b.name = 'Ethernet99' AND d.hostname = $2",
      [first!.id, tor!.hostname],
    );
    expect(cable?.label).toBe("X-NEW-1");
    expect(await query("SELECT action, object_type, object_label, after FROM audit_log WHERE actor_label = 'alice@example.com' ORDER BY id")).toEqual([
      { action: "create", object_type: "nic", object_label: `${tor!.hostname} Ethernet99`, after: { hostname: tor!.hostname, name: "Ethernet99", kind: "nic" } },
      {
        action: "create",
        object_type: "cable",
        object_label: "X-NEW-1",
        after: { a_host: first!.hostname, a_port: first!.name, b_host: tor!.hostname, b_port: "Ethernet99", label: "X-NEW-1" },
      },
    ]);

    // the switch port is taken now: the database refuses, in a sentence, on the port field
    expect(await connectNic({ nicId: second!.id, input: cableFormSchema.parse({ b_host: tor!.hostname, b_port: "Ethernet99" }), actor: alice })).toEqual({
      ok: false,
      reason: "refused",
      message: "That port is already cabled.",
      field: "b_port",
    });
    expect(await connectNic({ nicId: first!.id, input: cableFormSchema.parse({ b_host: tor!.hostname, b_port: "Ethernet98" }), actor: alice })).toMatchObject({
      ok: false,
      message: `${first!.hostname} ${first!.name} is already cabled to ${tor!.hostname} Ethernet99: disconnect it first.`,
    });
    // a port missing on a server is not made up
    expect(await connectNic({ nicId: second!.id, input: cableFormSchema.parse({ b_host: first!.hostname, b_port: "eth-nope" }), actor: alice })).toMatchObject({
      ok: false,
      message: `${first!.hostname} has no port eth-nope: add the interface first (only a switch's missing ports are created).`,
      field: "b_port",
    });
    const [bond] = await query<{ id: number }>("SELECT n.id FROM nic n JOIN device d ON d.id = n.device_id WHERE d.hostname = 'redis-01' AND n.kind = 'bond'");
    expect(await connectNic({ nicId: bond!.id, input: cableFormSchema.parse({ b_host: tor!.hostname, b_port: "Ethernet97" }), actor: alice })).toMatchObject({
      ok: false,
      message: "bond0 is a bond, not a port: cable its members instead.",
    });
    expect(await connectNic({ nicId: second!.id, input: cableFormSchema.parse({ b_host: "no-such-host", b_port: "1" }), actor: alice })).toMatchObject({
      ok: false,
      message: "No device is named no-such-host.",
      field: "b_host",
    });

    expect(await disconnectNic({ nicId: first!.id, cableId: cable!.id + 1000, actor: alice })).toMatchObject({ ok: false, reason: "not_found" });
    expect(await disconnectNic({ nicId: first!.id, cableId: cable!.id, actor: alice })).toEqual({ ok: true, value: { hostname: first!.hostname } });
    expect(await query("SELECT 1 FROM cable WHERE id = $1", [cable!.id])).toEqual([]);
    expect(await query("SELECT action, object_label, before, after FROM audit_log WHERE object_type = 'cable' AND actor_label = 'alice@example.com' ORDER BY id DESC LIMIT 1")).toEqual([
      {
        action: "delete",
        object_label: "X-NEW-1",
        before: { a_host: first!.hostname, a_port: first!.name, b_host: tor!.hostname, b_port: "Ethernet99", label: "X-NEW-1" },
        after: null,
      },
    ]);
  });
});
