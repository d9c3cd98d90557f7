// Editing Nics against the demo datacenter in a scratch database of this file's own: a MAC held by
// another Nic is refused naming it, a bond with members keeps its kind, and deleting a cabled Nic
// deletes its cable with an audit entry for both.
import { describe, expect, it } from "vitest";
import { demoDatabaseForThisFile } from "../../tests/demo-database";
import { deleteNic, getNicForEdit, saveNic, type NicEditValues } from "./edit-nics";

const alice = { type: "user" as const, id: "u-alice", label: "alice@example.com" };
const { query } = demoDatabaseForThisFile("rackmap_edit_nics");

async function load(hostname: string, name: string): Promise<NicEditValues> {
  const [row] = await query<{ id: number }>("SELECT n.id FROM nic n JOIN device d ON d.id = n.device_id WHERE d.hostname = $1 AND n.name = $2", [hostname, name]);
  return (await getNicForEdit({ id: row!.id }))!;
}

function inputOf(n: NicEditValues) {
  return {
    name: n.name,
    kind: n.kind,
    mac: n.mac ?? undefined,
    speed: n.speedMbps ?? undefined,
    driver: n.driver ?? undefined,
    bond: n.bond ?? undefined,
    bond_mode: n.bondMode ?? undefined,
    enabled: n.enabled,
    ip: n.ip ?? undefined,
  };
}

describe("editing a Nic", () => {
  it("refuses a MAC another Nic has, naming it, and a kind change of a bond with members", async () => {
    const eth0 = await load("redis-01", "eth0");
    const eth1 = await load("redis-01", "eth1");
    expect(await saveNic({ hostname: "redis-01", id: eth1.id, version: eth1.version, input: { ...inputOf(eth1), mac: eth0.mac! }, actor: alice })).toEqual({
      ok: false,
      reason: "refused",
      message: `The MAC address ${eth0.mac} belongs to redis-01 eth0.`,
      field: "mac",
    });
    const bond = await load("redis-01", "bond0");
    expect(await saveNic({ hostname: "redis-01", id: bond.id, version: bond.version, input: { ...inputOf(bond), kind: "nic", bond_mode: undefined }, actor: alice })).toMatchObject({
      ok: false,
      field: "kind",
      message: "bond0 has members (eth0, eth1): take them out of the bond before changing its kind.",
    });
  });

  it("adds a Nic, and deletes a cabled one with its cable, both in the audit log", async () => {
    const added = await saveNic({ hostname: "redis-01", input: { name: "eth9", kind: "nic", speed: 10_000, driver: "ixgbe", enabled: false }, actor: alice });
    expect(added).toEqual({ ok: true, value: { hostname: "redis-01" } });
    expect(await load("redis-01", "eth9")).toMatchObject({ speedMbps: 10_000, enabled: false, version: 1 });

    const eth0 = await load("redis-01", "eth0");
    const [cable] = await query<{ id: number }>("SELECT id FROM cable WHERE a_nic_id = $1 OR b_nic_id = $1", [eth0.id]);
    expect(cable).toBeDefined();
    expect(await deleteNic({ id: eth0.id, version: eth0.version, actor: alice })).toEqual({ ok: true, value: { hostname: "redis-01" } });
    expect(await query("SELECT 1 FROM cable WHERE id = $1", [cable!.id])).toEqual([]);
    const entries = await query<{ object_type: string; action: string }>(
      "SELECT object_type, action FROM audit_log WHERE (object_type = 'nic' AND object_id = $1) OR (object_type = 'cable' AND object_id = $2) ORDER BY id",
      [String(eth0.id), String(cable!.id)],
    );
    expect(entries).toEqual([
      { object_type: "nic", action: "delete" },
      { object_type: "cable", action: "delete" },
    ]);
  });
});
