import { describe, expect, it } from "vitest";
import { DOMAIN_TYPES, listDomains } from "./failure-domain";
import { compareNatural, indexSnapshot, type SnapshotIndex } from "./failure-snapshot";
import { computeImpact, computeImpactForRefs, serviceState, type Impact } from "./impact";
import { randomSnapshot, snapshotBuilder, syntheticSnapshot, type SnapshotBuilder } from "./test-snapshot";

function impact(index: SnapshotIndex, ...refs: string[]): Impact {
  const result = computeImpactForRefs(index, refs);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("; "));
  return result.impact;
}

const reasons = (list: { hostname: string; reasons: string[] }[]) => Object.fromEntries(list.map((d) => [d.hostname, d.reasons]));
const hostnames = (list: { hostname: string }[]) => list.map((d) => d.hostname);

// ORD1/C12 in Room A with feed A (UPS-1) and B (UPS-2), tor-c12-a on A, tor-c12-b on B, mgmt-c13 next door
function c12(): SnapshotBuilder {
  return snapshotBuilder()
    .cabinet("ORD1/C12", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-2" } })
    .cabinet("ORD1/C13", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-2" } })
    .switch("tor-c12-a", { cabinet: "ORD1/C12", power: ["A"], u: 42 })
    .switch("tor-c12-b", { cabinet: "ORD1/C12", power: ["B"], u: 41 })
    .switch("mgmt-c13", { cabinet: "ORD1/C13", power: ["A", "B"], u: 42 });
}

describe("bonds over top-of-rack switches", () => {
  const index = c12()
    .server("split-1", { cabinet: "ORD1/C12", power: ["A", "B"], legs: ["tor-c12-a", "tor-c12-b"], oob: "mgmt-c13" })
    .server("same-1", { cabinet: "ORD1/C12", power: ["A", "B"], legs: ["tor-c12-a", "tor-c12-a"], oob: "mgmt-c13" })
    .index();

  it("one TOR down: a bond split over two TORs is degraded, a bond on one TOR is down", () => {
    const result = impact(index, "device:tor-c12-a");
    expect(reasons(result.down)).toEqual({
      "same-1": ["both uplinks lost: tor-c12-a down"],
      "tor-c12-a": ["device tor-c12-a failed"],
    });
    expect(reasons(result.degraded)).toEqual({ "split-1": ["lost 1 of 2 uplinks: eth0 (tor-c12-a down)"] });
  });

  it("both TORs down: the split bond is down too, naming both switches", () => {
    const result = impact(index, "device:tor-c12-a", "device:tor-c12-b");
    expect(reasons(result.down)["split-1"]).toEqual(["both uplinks lost: tor-c12-a, tor-c12-b down"]);
    expect(hostnames(result.down)).toEqual(["same-1", "split-1", "tor-c12-a", "tor-c12-b"]);
    expect(result.degraded).toEqual([]);
  });

  it("hosts whose TORs are down but whose oob switch is up can be recovered remotely; the TORs need hands", () => {
    const result = impact(index, "device:tor-c12-a", "device:tor-c12-b");
    expect(hostnames(result.needsHands)).toEqual(["tor-c12-a", "tor-c12-b"]);
    expect(result.needsHands[0]!.handsReasons).toEqual(["no out-of-band management recorded (no oob Nic, no oob IP)"]);
  });

  it("nothing failed: nothing is down or degraded", () => {
    const result = computeImpact(index, []);
    expect(result).toEqual({ failed: [], down: [], degraded: [], needsHands: [], services: [] });
  });
});

describe("power", () => {
  const index = snapshotBuilder()
    .cabinet("ORD1/C12", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-1", C: "UPS-2" } })
    .server("one-feed", { cabinet: "ORD1/C12", power: ["A"] })
    .server("one-source", { cabinet: "ORD1/C12", power: ["A", "B"] })
    .server("two-sources", { cabinet: "ORD1/C12", power: ["B", "C"] })
    .server("unrecorded", { cabinet: "ORD1/C12" })
    .index();

  it("a failed feed takes down a device on that feed alone and degrades one with another feed", () => {
    const result = impact(index, "power_feed:ORD1/C12/A");
    expect(reasons(result.down)).toEqual({ "one-feed": ["all power lost: feed A of ORD1/C12"] });
    expect(reasons(result.degraded)).toEqual({
      "one-source": ["lost 1 of 2 power feeds: A of ORD1/C12"],
      unrecorded: ["lost 1 of 3 power feeds: A of ORD1/C12"],
    });
  });

  it("a failed source takes down a device whose two feeds both come from it", () => {
    const result = impact(index, "power_source:ORD1/UPS-1");
    expect(reasons(result.down)).toEqual({
      "one-feed": ["all power lost: feed A of ORD1/C12 (power source ORD1/UPS-1 failed)"],
      "one-source": ["all power lost: feeds A, B of ORD1/C12 (power source ORD1/UPS-1 failed)"],
    });
    expect(reasons(result.degraded)).toEqual({
      "two-sources": ["lost 1 of 2 power feeds: B of ORD1/C12 (power source ORD1/UPS-1 failed)"],
      unrecorded: ["lost 2 of 3 power feeds: A, B of ORD1/C12 (power source ORD1/UPS-1 failed)"],
    });
  });

  it("a device with no recorded power draws on every feed of its cabinet", () => {
    const result = impact(index, "power_feed:ORD1/C12/A", "power_feed:ORD1/C12/B", "power_feed:ORD1/C12/C");
    expect(reasons(result.down).unrecorded).toEqual(["all power lost: feeds A, B, C of ORD1/C12"]);
  });

  it("a device that lost all power needs hands even though its oob path is recorded", () => {
    const withOob = c12()
      .server("web-1", { cabinet: "ORD1/C12", power: ["A", "B"], legs: ["tor-c12-a", "tor-c12-b"], oob: "mgmt-c13" })
      .index();
    // C12's own feeds fail; mgmt-c13, next door on C13's feeds, keeps the oob path alive
    const result = impact(withOob, "power_feed:ORD1/C12/A", "power_feed:ORD1/C12/B");
    const web = result.needsHands.find((d) => d.hostname === "web-1");
    expect(web).toEqual({
      deviceId: withOob.deviceByHostname.get("web-1")!.id,
      hostname: "web-1",
      kind: "server",
      status: "active",
      // its TORs are down too, but its own power is the reason to act on
      reasons: ["all power lost: feeds A, B of ORD1/C12"],
      handsReasons: ["all power lost: its out-of-band controller is dark too"],
      site: "ORD1",
      room: "Room A",
      cabinet: "C12",
      uLow: null,
      chassis: null,
      bay: null,
    });
  });
});

describe("sleds", () => {
  const build = (chassisPower: string[]) =>
    c12()
      .chassis("c5k-a03-1", { cabinet: "ORD1/C12", power: chassisPower, u: 20 })
      .sled("redis-1", "c5k-a03-1", 1, { legs: ["tor-c12-a", "tor-c12-b"], oob: "mgmt-c13" })
      .sled("redis-2", "c5k-a03-1", 2, { legs: ["tor-c12-a", "tor-c12-b"], oob: "mgmt-c13" })
      .index();

  it("a sled draws on its chassis' recorded feeds", () => {
    const result = impact(build(["A"]), "power_feed:ORD1/C12/A");
    expect(reasons(result.down)).toEqual({
      "c5k-a03-1": ["all power lost: feed A of ORD1/C12"],
      "redis-1": ["all power lost: feed A of ORD1/C12"],
      "redis-2": ["all power lost: feed A of ORD1/C12"],
      "tor-c12-a": ["all power lost: feed A of ORD1/C12"],
    });
  });

  it("a sled of a chassis without recorded power draws on the chassis' cabinet's feeds", () => {
    const result = impact(build([]), "power_feed:ORD1/C12/A");
    expect(reasons(result.degraded)["redis-1"]).toEqual([
      "lost 1 of 2 power feeds: A of ORD1/C12",
      "lost 1 of 2 uplinks: eth0 (tor-c12-a down)",
    ]);
    expect(hostnames(result.down)).toEqual(["tor-c12-a"]);
  });

  it("a sled is in its chassis' cabinet, room and site", () => {
    const index = build(["A", "B"]);
    expect(reasons(impact(index, "cabinet:ORD1/C12").down)["redis-1"]).toEqual(["cabinet ORD1/C12 failed"]);
    expect(reasons(impact(index, "room:ORD1/Room A").down)["redis-1"]).toEqual(["room ORD1/Room A failed"]);
    expect(reasons(impact(index, "site:ORD1").down)["redis-1"]).toEqual(["site ORD1 failed"]);
  });

  it("a failed chassis or chassis model takes its sleds down, and they need hands (no power in the bay)", () => {
    const index = build(["A", "B"]);
    const byChassis = impact(index, "device:c5k-a03-1");
    expect(reasons(byChassis.down)).toEqual({
      "c5k-a03-1": ["device c5k-a03-1 failed"],
      "redis-1": ["chassis c5k-a03-1 down"],
      "redis-2": ["chassis c5k-a03-1 down"],
    });
    expect(byChassis.needsHands.map((d) => [d.hostname, d.chassis, d.bay, d.uLow, d.handsReasons])).toEqual([
      ["c5k-a03-1", null, null, 20, ["no out-of-band management recorded (no oob Nic, no oob IP)"]],
      ["redis-1", "c5k-a03-1", 1, 20, ["chassis c5k-a03-1 down: its out-of-band controller is dark too"]],
      ["redis-2", "c5k-a03-1", 2, 20, ["chassis c5k-a03-1 down: its out-of-band controller is dark too"]],
    ]);
    const byModel = impact(index, "model:PowerEdge C5000");
    expect(reasons(byModel.down)["redis-2"]).toEqual(["chassis c5k-a03-1 down: model PowerEdge C5000 failed"]);
    expect(reasons(byModel.down)["c5k-a03-1"]).toEqual(["model PowerEdge C5000 failed"]);
  });

  it("a sled model failure takes the sleds down but not the chassis", () => {
    const result = impact(build(["A", "B"]), "model:PowerEdge C5220");
    expect(reasons(result.down)).toEqual({
      "redis-1": ["model PowerEdge C5220 failed"],
      "redis-2": ["model PowerEdge C5220 failed"],
    });
    // the oob path through mgmt-c13 is alive: a model failure does not take the oob controller with it
    expect(result.needsHands).toEqual([]);
  });
});

describe("switches", () => {
  const index = c12()
    .switch("core-1", { cabinet: "ORD1/C13", power: ["A"] })
    .cable("tor-c12-a:up1", "core-1:Te0/1")
    .cable("tor-c12-b:up1", "core-1:Te0/2")
    .server("web-1", { cabinet: "ORD1/C12", power: ["A", "B"], legs: ["tor-c12-a", "tor-c12-b"] })
    .index();

  it("a switch down by its own power cuts that leg of its hosts", () => {
    const result = impact(index, "power_feed:ORD1/C12/A");
    expect(reasons(result.down)).toEqual({ "tor-c12-a": ["all power lost: feed A of ORD1/C12"] });
    expect(reasons(result.degraded)).toEqual({
      "web-1": ["lost 1 of 2 power feeds: A of ORD1/C12", "lost 1 of 2 uplinks: eth0 (tor-c12-a down)"],
    });
  });

  it("a switch does not depend on its uplinks: losing the core switch leaves the TORs and hosts up", () => {
    const result = impact(index, "device:core-1");
    expect(hostnames(result.down)).toEqual(["core-1"]);
    expect(result.degraded).toEqual([]);
  });

  it("a switch's ports' drivers do not matter", () => {
    const withDrivers = c12()
      .nic("tor-c12-a", "up1", { driver: "bnx2", to: "mgmt-c13" })
      .server("web-1", { cabinet: "ORD1/C12", legs: ["tor-c12-a"], driver: "ixgbe" })
      .index();
    expect(impact(withDrivers, "nic_driver:bnx2").down).toEqual([]);
  });
});

describe("disabled Nics", () => {
  const index = c12()
    .server("web-1", { cabinet: "ORD1/C12", legs: [{ to: "tor-c12-a", enabled: false }, "tor-c12-b"] })
    .server("web-2", { cabinet: "ORD1/C12", legs: [{ to: "tor-c12-a", peerEnabled: false }, "tor-c12-b"] })
    .server("web-3", { cabinet: "ORD1/C12", legs: [{ to: "tor-c12-a", enabled: false }] })
    .index();

  it("a disabled leg is already lost: losing the other leg's switch takes the host down", () => {
    const result = impact(index, "device:tor-c12-b");
    expect(reasons(result.down)).toEqual({
      "tor-c12-b": ["device tor-c12-b failed"],
      "web-1": ["uplink lost: tor-c12-b down"],
      "web-2": ["uplink lost: tor-c12-b down"],
    });
  });

  it("losing the switch behind a disabled leg (or a disabled switch port) changes nothing", () => {
    const result = impact(index, "device:tor-c12-a");
    expect(hostnames(result.down)).toEqual(["tor-c12-a"]);
    expect(result.degraded).toEqual([]);
  });

  it("a host whose only cabled data Nic is disabled has no network dependency", () => {
    const result = impact(index, "device:tor-c12-a", "device:tor-c12-b");
    expect(hostnames(result.down)).toEqual(["tor-c12-a", "tor-c12-b", "web-1", "web-2"]);
  });

  it("members of a disabled bond carry nothing", () => {
    const disabledBond = c12()
      .server("web-1", { cabinet: "ORD1/C12", legs: ["tor-c12-a", "tor-c12-b"] })
      .nic("web-1", "bond0", { kind: "bond", enabled: false })
      .nic("web-1", "eth9", { to: "tor-c12-b" })
      .index();
    expect(reasons(impact(disabledBond, "device:tor-c12-b").down)["web-1"]).toEqual(["uplink lost: tor-c12-b down"]);
  });
});

describe("nic drivers", () => {
  const index = c12()
    .server("db-master", { cabinet: "ORD1/C12", legs: ["tor-c12-a", "tor-c12-b"], driver: "bnx2" })
    .server("db-mixed", { cabinet: "ORD1/C12", legs: [{ to: "tor-c12-a", driver: "bnx2" }, { to: "tor-c12-b", driver: "ixgbe" }] })
    .server("db-other", { cabinet: "ORD1/C12", legs: ["tor-c12-a", "tor-c12-b"], driver: "ixgbe" })
    .nic("db-other", "eth5", { driver: "bnx2" })
    .nic("db-other", "idrac", { kind: "oob", driver: "bnx2", to: "mgmt-c13" })
    .index();

  it("all data Nics on the failed driver: down; mixed drivers: degraded; an uncabled or oob Nic on it: unaffected", () => {
    const result = impact(index, "nic_driver:bnx2");
    expect(reasons(result.down)).toEqual({ "db-master": ["nic driver bnx2 failed"] });
    expect(reasons(result.degraded)).toEqual({ "db-mixed": ["lost 1 of 2 uplinks: eth0 (nic driver bnx2 failed)"] });
  });

  it("a driver and a switch together: both named", () => {
    const result = impact(index, "nic_driver:bnx2", "device:tor-c12-b");
    expect(reasons(result.down)["db-mixed"]).toEqual(["both uplinks lost: nic driver bnx2 failed; tor-c12-b down"]);
    expect(reasons(result.down)["db-master"]).toEqual(["nic driver bnx2 failed"]);
    expect(reasons(result.degraded)).toEqual({ "db-other": ["lost 1 of 2 uplinks: eth1 (tor-c12-b down)"] });
  });

  it("a driver failure needs hands when there is no oob path (the story of Dec 4)", () => {
    const result = impact(index, "nic_driver:bnx2");
    expect(result.needsHands.map((d) => [d.hostname, d.handsReasons])).toEqual([
      ["db-master", ["no out-of-band management recorded (no oob Nic, no oob IP)"]],
    ]);
  });
});

describe("needs hands", () => {
  const index = c12()
    .switch("mgmt-c12", { cabinet: "ORD1/C12", power: ["A"] })
    .server("oob-alive", { cabinet: "ORD1/C12", u: 10, legs: ["tor-c12-a"], oob: "mgmt-c13" })
    .server("oob-ip-only", { cabinet: "ORD1/C12", u: 11, legs: ["tor-c12-a"], oobIp: "10.0.0.11" })
    .server("oob-none", { cabinet: "ORD1/C12", u: 12, legs: ["tor-c12-a"] })
    .server("oob-local", { cabinet: "ORD1/C12", u: 13, legs: ["tor-c12-a"], oob: "mgmt-c12" })
    .server("oob-disabled", { cabinet: "ORD1/C12", u: 14, legs: ["tor-c12-a"], oob: "mgmt-c13", oobDisabled: true })
    .server("oob-uncabled", { cabinet: "ORD1/C12", u: 15, legs: ["tor-c12-a"] })
    .nic("oob-uncabled", "idrac", { kind: "oob" })
    .index();

  it("down with a live oob path: no hands; oob gone: hands, with the reason", () => {
    const result = impact(index, "device:tor-c12-a", "power_feed:ORD1/C12/A");
    // mgmt-c12 is on feed A only, so it is down too
    expect(hostnames(result.down)).toEqual([
      "mgmt-c12",
      "oob-alive",
      "oob-disabled",
      "oob-ip-only",
      "oob-local",
      "oob-none",
      "oob-uncabled",
      "tor-c12-a",
    ]);
    expect(result.needsHands.map((d) => [d.hostname, d.handsReasons])).toEqual([
      ["tor-c12-a", ["all power lost: its out-of-band controller is dark too"]],
      ["oob-disabled", ["out-of-band Nic idrac disabled"]],
      ["oob-local", ["out-of-band switch mgmt-c12 down"]],
      ["oob-none", ["no out-of-band management recorded (no oob Nic, no oob IP)"]],
      ["mgmt-c12", ["all power lost: its out-of-band controller is dark too"]],
    ]);
  });

  it("a device that failed by itself needs hands only when its oob path is gone", () => {
    const alive = impact(index, "device:oob-alive");
    expect(hostnames(alive.down)).toEqual(["oob-alive"]);
    expect(alive.needsHands).toEqual([]);
    const none = impact(index, "device:oob-none");
    expect(none.needsHands.map((d) => [d.hostname, d.reasons, d.handsReasons])).toEqual([
      ["oob-none", ["device oob-none failed"], ["no out-of-band management recorded (no oob Nic, no oob IP)"]],
    ]);
  });

  it("a failed cabinet needs hands for everything in it, oob or not", () => {
    const result = impact(index, "cabinet:ORD1/C12");
    expect(result.needsHands.map((d) => d.hostname)).toEqual([
      "tor-c12-a",
      "tor-c12-b",
      "oob-uncabled",
      "oob-disabled",
      "oob-local",
      "oob-none",
      "oob-ip-only",
      "oob-alive",
      "mgmt-c12",
    ]);
    expect(result.needsHands[0]!.handsReasons).toEqual(["cabinet ORD1/C12 failed: its out-of-band controller is dark too"]);
  });
});

describe("more reasons", () => {
  const index = c12()
    .switch("tor-c12-c", { cabinet: "ORD1/C12", power: ["A"] })
    .server("three-legs", { cabinet: "ORD1/C12", legs: ["tor-c12-a", "tor-c12-b", "tor-c12-c"] })
    .server("port-off", { cabinet: "ORD1/C12", legs: ["tor-c12-a"] })
    .nic("port-off", "idrac", { kind: "oob", to: "mgmt-c13:Gi1/0/7", peerEnabled: false })
    .index();

  it("names the count of lost uplinks beyond two, and a disabled oob switch port", () => {
    const result = impact(index, "device:tor-c12-a", "device:tor-c12-b", "device:tor-c12-c");
    expect(reasons(result.down)["three-legs"]).toEqual(["all 3 uplinks lost: tor-c12-a, tor-c12-b, tor-c12-c down"]);
    expect(result.needsHands.find((d) => d.hostname === "port-off")!.handsReasons).toEqual([
      "out-of-band Nic idrac: port mgmt-c13 Gi1/0/7 disabled",
    ]);
    expect(reasons(impact(index, "device:tor-c12-c").degraded)["three-legs"]).toEqual(["lost 1 of 3 uplinks: eth2 (tor-c12-c down)"]);
  });
});

describe("no cabled data Nic", () => {
  const index = c12()
    .server("lonely", { cabinet: "ORD1/C12" })
    .nic("lonely", "eth0", { driver: "bnx2" })
    .index();

  it("is not affected by TOR or driver failures, only by its own placement and power", () => {
    expect(hostnames(impact(index, "device:tor-c12-a", "device:tor-c12-b", "nic_driver:bnx2").down)).toEqual(["tor-c12-a", "tor-c12-b"]);
    expect(reasons(impact(index, "cabinet:ORD1/C12").down).lonely).toEqual(["cabinet ORD1/C12 failed"]);
  });
});

describe("services", () => {
  const index = c12()
    .server("db-1", { cabinet: "ORD1/C12", power: ["A"], legs: ["tor-c12-a", "tor-c12-b"] })
    .server("db-2", { cabinet: "ORD1/C12", power: ["B"], legs: ["tor-c12-a", "tor-c12-b"] })
    .server("db-3", { cabinet: "ORD1/C13", power: ["A"] })
    .service("db", ["db-1", "db-2", "db-3"], 2)
    .service("app", ["db-3"])
    .service("empty", [])
    .service("nothing-needed", [], 0)
    .index();

  it("min_up 2 of 3: one member down is at_risk, two down is outage", () => {
    const one = impact(index, "power_feed:ORD1/C12/A").services.find((s) => s.name === "db");
    expect(one).toEqual({ serviceId: one!.serviceId, name: "db", state: "at_risk", up: 2, total: 3, minUp: 2, down: ["db-1"], degraded: ["db-2"] });
    const two = impact(index, "cabinet:ORD1/C12").services.find((s) => s.name === "db");
    expect([two!.state, two!.up, two!.down]).toEqual(["outage", 1, ["db-1", "db-2"]]);
  });

  it("a degraded member alone makes the service at_risk; untouched services are ok; sorted by name", () => {
    const result = impact(index, "device:tor-c12-a");
    expect(result.services.map((s) => [s.name, s.state, s.up, s.total])).toEqual([
      ["app", "ok", 1, 1],
      ["db", "at_risk", 3, 3],
      ["empty", "outage", 0, 0],
      ["nothing-needed", "ok", 0, 0],
    ]);
  });

  it("serviceState", () => {
    expect(serviceState(0, 0, 1, false)).toBe("outage");
    expect(serviceState(3, 3, 2, false)).toBe("ok");
    expect(serviceState(3, 3, 2, true)).toBe("at_risk");
    expect(serviceState(2, 3, 2, false)).toBe("at_risk");
    expect(serviceState(1, 3, 2, false)).toBe("outage");
  });
});

describe("domains and errors", () => {
  const index = c12().server("app-2", { cabinet: "ORD1/C12" }).server("app-10", { cabinet: "ORD1/C12" }).index();

  it("an unknown domain is an error naming it, never an empty result", () => {
    const result = computeImpactForRefs(index, ["cabinet:ORD1/C12", "cabinet:ORD1/C99", "rack:C12"]);
    expect(result).toEqual({
      ok: false,
      errors: [
        { ref: "cabinet:ORD1/C99", message: "cabinet:ORD1/C99 matches no cabinet" },
        {
          ref: "rack:C12",
          message: 'unknown failure domain type "rack" in "rack:C12": use one of site, room, cabinet, power_source, power_feed, device, nic_driver, model',
        },
      ],
    });
  });

  it("down lists sort naturally by hostname and `failed` echoes the canonical references", () => {
    const result = impact(index, "Cabinet:ord1/c12");
    expect(result.failed).toEqual(["cabinet:ORD1/C12"]);
    expect(hostnames(result.down)).toEqual(["app-2", "app-10", "tor-c12-a", "tor-c12-b"]);
  });

  it("an unplaced device kept at a site goes down only with the site (or itself, or its model)", () => {
    const spare = c12().device("spare-1", { site: "ORD1" }).index();
    expect(hostnames(impact(spare, "room:ORD1/Room A").down)).not.toContain("spare-1");
    expect(reasons(impact(spare, "site:ORD1").down)["spare-1"]).toEqual(["site ORD1 failed"]);
  });
});

describe("order of the lists (property, on random snapshots)", () => {
  // down and degraded are listed by the index's hostname ranks and service lists by their members' ranks:
  // both must come out exactly as sorting the names with compareNatural would
  it("down, degraded and every service's down and degraded lists are in compareNatural order", () => {
    const sorted = (names: readonly string[]) => [...names].sort(compareNatural);
    let listed = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const index = indexSnapshot(randomSnapshot(seed));
      for (const type of DOMAIN_TYPES) {
        for (const domain of listDomains(index, type)) {
          const result = computeImpact(index, [domain]);
          expect(hostnames(result.down)).toEqual(sorted(hostnames(result.down)));
          expect(hostnames(result.degraded)).toEqual(sorted(hostnames(result.degraded)));
          const down = new Set(hostnames(result.down));
          const degraded = new Set(hostnames(result.degraded));
          for (const service of result.services) {
            const members = index.serviceByName.get(service.name)!.members.map((m) => index.deviceById.get(m.deviceId)!.hostname);
            expect(service.down).toEqual(sorted(members.filter((h) => down.has(h))));
            expect(service.degraded).toEqual(sorted(members.filter((h) => degraded.has(h))));
          }
          listed += result.down.length + result.degraded.length;
        }
      }
    }
    expect(listed).toBeGreaterThan(1000);
  });
});

describe("at scale", () => {
  it("computes the impact of a cabinet, a TOR and a power source on a 20k-device snapshot", () => {
    const index = indexSnapshot(syntheticSnapshot({ devices: 20_000 }));
    expect(index.nodes.length).toBe(20_020);

    const cabinet = impact(index, "cabinet:ORD1/C1");
    expect(cabinet.down.length).toBe(28);
    expect(cabinet.degraded).toEqual([]);
    expect(cabinet.needsHands.length).toBe(28);
    expect(cabinet.services.filter((s) => s.state === "at_risk").length).toBe(24);

    const tor = impact(index, "device:tor-c1-a");
    expect(hostnames(tor.down)).toEqual(["tor-c1-a"]);
    expect(tor.degraded.length).toBe(24);

    // UPS-A1 feeds A of every cabinet in ORD1 Room A (cabinets 1, 5, 9, ...: 179 of 715)
    const ups = impact(index, "power_source:ORD1/UPS-A1");
    expect(ups.down.length).toBe(179 * 2);
    expect(ups.degraded.length).toBe(179 * 25);
    expect(ups.needsHands.length).toBe(179 * 2);
    // building 20k devices on a busy CI machine can take seconds; this is not a timing test
  }, 120_000);
});
