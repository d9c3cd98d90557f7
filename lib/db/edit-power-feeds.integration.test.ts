// A cabinet's feed list edited through the cabinet form against the demo datacenter, in a scratch
// database of this file's own: a feed devices draw on is not removed (the refusal names them), a new
// source is created on the side, and the change is in the cabinet's audit entry.
import { describe, expect, it } from "vitest";
import { demoDatabaseForThisFile } from "../../tests/demo-database";
import { cabinetFormSchema } from "../schemas/cabinet-form";
import { getCabinetForEdit, updateCabinet, type CabinetEditValues } from "./edit-cabinets";

const alice = { type: "user" as const, id: "u-alice", label: "alice@example.com" };
const { query } = demoDatabaseForThisFile("rackmap_edit_feeds");

async function load(name: string): Promise<CabinetEditValues> {
  const [row] = await query<{ id: number }>("SELECT id FROM cabinet WHERE name = $1", [name]);
  return (await getCabinetForEdit({ id: row!.id }))!;
}

function formOf(c: CabinetEditValues, changes: Record<string, string> = {}) {
  return cabinetFormSchema.parse({ cabinet: c.name, room: c.room ?? "", height_u: String(c.heightU), notes: c.notes, power_feeds: c.powerFeeds, ...changes });
}

describe("editing a cabinet's power feeds", () => {
  it("refuses to remove a feed devices draw on, naming them; adds, re-sources and removes feeds otherwise", async () => {
    const a05 = await load("A05");
    expect(a05.powerFeeds).toMatch(/^A:UPS-\d+;B:UPS-\d+$/);
    const onB = await query<{ hostname: string }>(
      "SELECT d.hostname FROM device_power dp JOIN power_feed f ON f.id = dp.feed_id JOIN device d ON d.id = dp.device_id WHERE f.cabinet_id = $1 AND f.name = 'B' ORDER BY d.hostname",
      [a05.id],
    );
    expect(onB.length).toBeGreaterThan(0);
    const feedA = a05.powerFeeds.split(";")[0]!;

    const removed = await updateCabinet({ id: a05.id, version: a05.version, input: formOf(a05, { power_feeds: feedA }), actor: alice });
    expect(removed).toMatchObject({ ok: false, reason: "refused", field: "power_feeds", names: onB.map((d) => d.hostname) });
    expect(removed.ok ? "" : removed.message).toMatch(new RegExp(`^Feed B of A05 still powers ${onB[0]!.hostname}, .*: give them another feed first\\.$`));
    expect((await load("A05")).powerFeeds).toBe(a05.powerFeeds);

    // feeds left out of the input stay as they are
    expect(await updateCabinet({ id: a05.id, version: a05.version, input: { ...formOf(a05, { notes: "n" }), power_feeds: undefined }, actor: alice })).toMatchObject({ ok: true });
    const noted = await load("A05");
    expect(noted.powerFeeds).toBe(a05.powerFeeds);

    expect(await updateCabinet({ id: noted.id, version: noted.version, input: formOf(noted, { power_feeds: `${feedA};B:UPS-NEW-7;C` }), actor: alice })).toMatchObject({ ok: true });
    const grown = await load("A05");
    expect(grown.powerFeeds).toBe(`${feedA};B:UPS-NEW-7;C`);
    // the devices on B still draw on it: the feed kept its identity, only its source moved
    expect(
      await query("SELECT count(*)::int AS n FROM device_power dp JOIN power_feed f ON f.id = dp.feed_id WHERE f.cabinet_id = $1 AND f.name = 'B'", [a05.id]),
    ).toEqual([{ n: onB.length }]);
    expect(await query("SELECT action, object_label FROM audit_log WHERE object_type = 'power_source' AND actor_label = 'alice@example.com'")).toEqual([
      { action: "create", object_label: "ORD1/UPS-NEW-7" },
    ]);
    const [entry] = await query<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      "SELECT before, after FROM audit_log WHERE object_type = 'cabinet' AND object_id = $1 ORDER BY id DESC LIMIT 1",
      [String(a05.id)],
    );
    expect(entry).toEqual({ before: { power_feeds: a05.powerFeeds }, after: { power_feeds: `${feedA};B:UPS-NEW-7;C` } });

    expect(await updateCabinet({ id: grown.id, version: grown.version, input: formOf(grown, { power_feeds: `${feedA};B:UPS-NEW-7` }), actor: alice })).toMatchObject({ ok: true });
    expect((await load("A05")).powerFeeds).toBe(`${feedA};B:UPS-NEW-7`);
    expect(cabinetFormSchema.safeParse({ cabinet: "A05", height_u: "42", power_feeds: "A:UPS-1;A:UPS-2" }).error?.issues[0]?.message).toBe("Feed A is listed twice.");
  });
});
