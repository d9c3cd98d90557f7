import { describe, expect, it } from "vitest";
import {
  DOMAIN_EXAMPLES,
  DOMAIN_TYPES,
  compareDomainRefs,
  formatDomainRef,
  listDomains,
  parseDomainRef,
  resolveDomain,
  resolveDomains,
} from "./failure-domain";
import { snapshotBuilder } from "./test-snapshot";

// every example of DESIGN.md's table exists here
const story = snapshotBuilder()
  .cabinet("ORD1/C12", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-2" } })
  .cabinet("ORD1/C2", { room: "Room A", feeds: { A: "UPS-1" } })
  .cabinet("IAD1/C12", { room: "Room A", feeds: { A: "UPS-2" } })
  .room("ORD1", "Cage 3/North")
  .model("PowerEdge R610", "server")
  .switch("tor-c12-a", { cabinet: "ORD1/C12" })
  .chassis("c5k-a03-1", { cabinet: "ORD1/C12" })
  .sled("redis-1", "c5k-a03-1", 1, { legs: ["tor-c12-a"], driver: "bnx2" })
  .server("db-1", { cabinet: "ORD1/C12", legs: ["tor-c12-a"], driver: "ixgbe" })
  .nic("db-1", "idrac", { kind: "oob", driver: "e1000e" })
  .index();

describe("parseDomainRef", () => {
  it("parses every example of DESIGN.md's table", () => {
    expect(DOMAIN_TYPES.map((type) => parseDomainRef(DOMAIN_EXAMPLES[type]))).toEqual([
      { ok: true, ref: { type: "site", key: "ORD1" } },
      { ok: true, ref: { type: "room", key: "ORD1/Room A" } },
      { ok: true, ref: { type: "cabinet", key: "ORD1/C12" } },
      { ok: true, ref: { type: "power_source", key: "ORD1/UPS-2" } },
      { ok: true, ref: { type: "power_feed", key: "ORD1/C12/A" } },
      { ok: true, ref: { type: "device", key: "tor-c12-a" } },
      { ok: true, ref: { type: "nic_driver", key: "bnx2" } },
      { ok: true, ref: { type: "model", key: "PowerEdge C5220" } },
    ]);
  });

  it("formats back to the same text", () => {
    for (const type of DOMAIN_TYPES) {
      const parsed = parseDomainRef(DOMAIN_EXAMPLES[type]);
      expect(parsed.ok && formatDomainRef(parsed.ref)).toBe(DOMAIN_EXAMPLES[type]);
    }
  });

  it("is forgiving about the type's spelling and outer spaces, and keeps the key as given", () => {
    expect(parseDomainRef("  Power-Feed : ORD1/C12/A ")).toEqual({ ok: true, ref: { type: "power_feed", key: "ORD1/C12/A" } });
    expect(parseDomainRef("model:Dell: PowerEdge 2950")).toEqual({ ok: true, ref: { type: "model", key: "Dell: PowerEdge 2950" } });
  });

  it("explains what is wrong", () => {
    expect(parseDomainRef("ORD1")).toEqual({
      ok: false,
      error: '"ORD1" is not a failure domain reference: write type:key, e.g. cabinet:ORD1/C12 (types: site, room, cabinet, power_source, power_feed, device, nic_driver, model)',
    });
    expect(parseDomainRef("rack:C12")).toEqual({
      ok: false,
      error: 'unknown failure domain type "rack" in "rack:C12": use one of site, room, cabinet, power_source, power_feed, device, nic_driver, model',
    });
    expect(parseDomainRef("cabinet: ")).toEqual({ ok: false, error: '"cabinet:" has no key: write it like cabinet:ORD1/C12' });
    expect(parseDomainRef("room:Room A")).toEqual({ ok: false, error: 'room key "Room A" must be site/room, e.g. room:ORD1/Room A' });
    expect(parseDomainRef("power_source:/UPS-1")).toEqual({
      ok: false,
      error: 'power_source key "/UPS-1" must be site/source, e.g. power_source:ORD1/UPS-2',
    });
    expect(parseDomainRef("power_feed:ORD1/A")).toEqual({
      ok: false,
      error: 'power_feed key "ORD1/A" must be site/cabinet/feed, e.g. power_feed:ORD1/C12/A',
    });
  });
});

describe("resolveDomains", () => {
  it("resolves each type to its record", () => {
    const result = resolveDomains(story, [
      "site:ORD1",
      "room:ORD1/Room A",
      "cabinet:ORD1/C12",
      "power_source:ORD1/UPS-2",
      "power_feed:ORD1/C12/A",
      "device:tor-c12-a",
      "nic_driver:bnx2",
      "model:PowerEdge C5220",
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const ord1 = story.snapshot.sites.find((s) => s.name === "ORD1")!;
    const c12 = story.snapshot.cabinets.find((c) => c.siteId === ord1.id && c.name === "C12")!;
    expect(result.domains.map((d) => [d.type, d.id])).toEqual([
      ["site", ord1.id],
      ["room", story.snapshot.rooms.find((r) => r.siteId === ord1.id && r.name === "Room A")!.id],
      ["cabinet", c12.id],
      ["power_source", story.snapshot.powerSources.find((s) => s.siteId === ord1.id && s.name === "UPS-2")!.id],
      ["power_feed", story.snapshot.powerFeeds.find((f) => f.cabinetId === c12.id && f.name === "A")!.id],
      ["device", story.deviceByHostname.get("tor-c12-a")!.id],
      ["nic_driver", "bnx2"],
      ["model", story.snapshot.models.find((m) => m.name === "PowerEdge C5220")!.id],
    ]);
  });

  it("names every reference that matches no record", () => {
    expect(
      resolveDomains(story, ["cabinet:ORD1/C99", "power_feed:ORD1/C12/Z", "nic_driver:tg3", "device:nope", "site:ORD1", "room:ORD2/Room A"]),
    ).toEqual({
      ok: false,
      errors: [
        { ref: "cabinet:ORD1/C99", message: "cabinet:ORD1/C99 matches no cabinet" },
        { ref: "power_feed:ORD1/C12/Z", message: "power_feed:ORD1/C12/Z matches no power feed" },
        { ref: "nic_driver:tg3", message: "nic_driver:tg3 matches no nic driver" },
        { ref: "device:nope", message: "device:nope matches no device" },
        { ref: "room:ORD2/Room A", message: "room:ORD2/Room A matches no room" },
      ],
    });
  });

  it("takes a room name with a slash whole", () => {
    const result = resolveDomain(story, "room:ORD1/Cage 3/North");
    expect(result.ok && result.domain.ref).toBe("room:ORD1/Cage 3/North");
  });

  it("accepts another case when only one record matches, and answers with the stored spelling", () => {
    const result = resolveDomain(story, "device:TOR-C12-A");
    expect(result.ok && result.domain.ref).toBe("device:tor-c12-a");
    expect(resolveDomains(story, ["site:ord1", "site:ORD1"])).toEqual({
      ok: true,
      domains: [{ type: "site", id: story.snapshot.sites.find((s) => s.name === "ORD1")!.id, key: "ORD1", ref: "site:ORD1" }],
    });
  });

  it("reports keys that two records share", () => {
    const odd = snapshotBuilder().room("A", "B/C").room("A/B", "C").device("h1").device("H1").index();
    expect(resolveDomain(odd, "room:A/B/C")).toEqual({
      ok: false,
      error: { ref: "room:A/B/C", message: "room:A/B/C is ambiguous: 2 rooms have that key" },
    });
    expect(resolveDomain(odd, "device:h1").ok).toBe(true);
    expect(resolveDomain(odd, "device:hX1")).toEqual({ ok: false, error: { ref: "device:hX1", message: "device:hX1 matches no device" } });
    const folded = snapshotBuilder().device("h1").device("H1").index();
    expect(resolveDomain(folded, "device:h1").ok).toBe(true);
    expect(resolveDomain(folded, "device:H1").ok).toBe(true);
    expect(resolveDomain(snapshotBuilder().device("Ab").device("AB").index(), "device:ab")).toEqual({
      ok: false,
      error: { ref: "device:ab", message: "device:ab is ambiguous: 2 devices have that key: device:AB, device:Ab" },
    });
  });
});

describe("listDomains", () => {
  const keys = (type: Parameters<typeof listDomains>[1]) => listDomains(story, type).map((d) => d.key);

  it("lists every domain of a type, naturally sorted", () => {
    expect(keys("site")).toEqual(["IAD1", "ORD1"]);
    expect(keys("room")).toEqual(["IAD1/Room A", "ORD1/Cage 3/North", "ORD1/Room A"]);
    expect(keys("cabinet")).toEqual(["IAD1/C12", "ORD1/C2", "ORD1/C12"]);
    expect(keys("power_source")).toEqual(["IAD1/UPS-2", "ORD1/UPS-1", "ORD1/UPS-2"]);
    expect(keys("power_feed")).toEqual(["IAD1/C12/A", "ORD1/C2/A", "ORD1/C12/A", "ORD1/C12/B"]);
    expect(keys("device")).toEqual(["c5k-a03-1", "db-1", "redis-1", "tor-c12-a"]);
  });

  it("lists every distinct driver, and only the models some device uses", () => {
    expect(keys("nic_driver")).toEqual(["bnx2", "e1000e", "ixgbe"]);
    expect(keys("model")).toEqual(["PowerEdge C5000", "PowerEdge C5220", "PowerEdge R710", "S4810"]);
    expect(listDomains(story, "nic_driver")[0]).toEqual({ type: "nic_driver", id: "bnx2", key: "bnx2", ref: "nic_driver:bnx2" });
  });
});

describe("compareDomainRefs", () => {
  it("sorts by type in table order, then naturally by key", () => {
    expect(["model:B", "device:x10", "site:ORD1", "device:x9", "power_feed:A/C1/A", "nic_driver:bnx2"].sort(compareDomainRefs)).toEqual([
      "site:ORD1",
      "power_feed:A/C1/A",
      "device:x9",
      "device:x10",
      "nic_driver:bnx2",
      "model:B",
    ]);
  });
});
