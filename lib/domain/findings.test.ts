import { describe, expect, it } from "vitest";
import { filterFindings, findings } from "./findings";
import { snapshotBuilder } from "./test-snapshot";

const AB = ["A", "B"];

const index = snapshotBuilder()
  .cabinet("ORD1/C12", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-2" } })
  .cabinet("ORD1/C14", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-1", C: "UPS-2" } })
  .cabinet("ORD1/C15", { room: "Room A" })
  .cabinet("ORD1/C16", { room: "Room A", feeds: { A: "UPS-1" } })
  .cabinet("ORD1/C17", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-1" } })
  .switch("tor-a", { cabinet: "ORD1/C12", power: ["A"] })
  .switch("tor-b", { cabinet: "ORD1/C12", power: ["B"] })
  .device("pdu-1", { kind: "pdu", cabinet: "ORD1/C12" })
  .model("Odd Chassis", "chassis", 0)
  .chassis("c5k", { cabinet: "ORD1/C12", power: AB })
  .chassis("odd", { cabinet: "ORD1/C12", power: AB, model: "Odd Chassis" })
  // well wired: no findings
  .server("good-1", { cabinet: "ORD1/C12", power: AB, legs: ["tor-a", "tor-b"], speed: 10000 })
  .sled("good-sled", "c5k", 8, { legs: ["tor-a", "tor-b"] })
  // bonds
  .server("one-tor", { cabinet: "ORD1/C12", power: AB, legs: ["tor-a", "tor-a"] })
  .server("mixed-speed", { cabinet: "ORD1/C12", power: AB, legs: [{ to: "tor-a", speed: 10000 }, { to: "tor-b", speed: 1000 }] })
  .server("leg-off", { cabinet: "ORD1/C12", power: AB, legs: ["tor-a", { to: "tor-b", enabled: false }] })
  .server("port-off", { cabinet: "ORD1/C12", power: AB, legs: ["tor-a", { to: "tor-b", peerEnabled: false }] })
  .server("lag-peer", { cabinet: "ORD1/C12", power: AB, legs: ["tor-a", "tor-b"] })
  .nic("tor-a", "Po1-1", { bond: "Po1", to: "lag-peer:eth5" })
  .nic("tor-a", "Po1-2", { bond: "Po1", to: "lag-peer:eth6" })
  // power
  .server("single-feed", { cabinet: "ORD1/C12", power: ["A"], legs: ["tor-a", "tor-b"] })
  .server("single-source", { cabinet: "ORD1/C14", power: AB, legs: ["tor-a", "tor-b"] })
  .server("one-feed-cabinet", { cabinet: "ORD1/C16", power: ["A"], legs: ["tor-a", "tor-b"] })
  .server("one-source-cabinet", { cabinet: "ORD1/C17", power: AB, legs: ["tor-a", "tor-b"] })
  .server("no-power", { cabinet: "ORD1/C12", legs: ["tor-a", "tor-b"] })
  .server("no-feeds", { cabinet: "ORD1/C15", legs: ["tor-a", "tor-b"] })
  // sleds
  .sled("bay-9", "c5k", 9, { legs: ["tor-a", "tor-b"] })
  .sled("odd-sled", "odd", 1, { legs: ["tor-a", "tor-b"] })
  .device("no-bay", { kind: "sled", chassis: "c5k" })
  // cables
  .server("bare", { cabinet: "ORD1/C12", power: AB })
  .device("bare-storage", { kind: "storage", cabinet: "ORD1/C12", power: AB })
  .server("oob-only", { cabinet: "ORD1/C12", power: AB, oob: "tor-b" })
  .server("uncabled-eth", { cabinet: "ORD1/C12", power: AB, oob: "tor-b" })
  .nic("uncabled-eth", "eth0", {})
  .sled("all-off", "c5k", 3, { legs: [{ to: "tor-a", enabled: false }] })
  .nic("all-off", "idrac", { kind: "oob", to: "tor-b" })
  .device("spare", { site: "ORD1" })
  .index();

describe("findings", () => {
  it("finds exactly the problems in the snapshot, sorted by hostname then kind", () => {
    expect(findings(index).map((f) => [f.hostname, f.kind, f.message])).toEqual([
      ["all-off", "bond_leg_disabled", "bond0: eth0 is disabled"],
      ["all-off", "no_cabled_data_nic", "every cabled data Nic is disabled (or its bond or switch port is): switch failures are assumed not to affect it"],
      ["bare", "racked_without_cables", "racked in ORD1/C12 but no cable is recorded on any of its Nics"],
      ["bare-storage", "racked_without_cables", "racked in ORD1/C12 but no cable is recorded on any of its Nics"],
      ["bay-9", "sled_bay_missing", "sits in bay 9 of chassis c5k (PowerEdge C5000), which has bays 1-8"],
      ["leg-off", "bond_leg_disabled", "bond0: eth1 is disabled"],
      ["mixed-speed", "bond_speed_mismatch", "legs of bond0 run at different speeds: eth0 10G, eth1 1G"],
      ["no-bay", "sled_bay_missing", "sits in chassis c5k (PowerEdge C5000) with no bay recorded"],
      ["no-bay", "no_cabled_data_nic", "no data Nic recorded: switch failures are assumed not to affect it"],
      ["no-feeds", "power_not_recorded", "no power recorded, and cabinet ORD1/C15 has no feeds: no power failure can reach it"],
      ["no-power", "power_not_recorded", "no power recorded: assumed to draw on every feed of ORD1/C12 (A, B)"],
      ["odd-sled", "sled_bay_missing", "sits in bay 1 of chassis odd (Odd Chassis), whose model has no bays"],
      ["one-tor", "bond_single_switch", "all 2 legs of bond0 (eth0, eth1) reach tor-a: one switch takes the bond down"],
      ["oob-only", "no_cabled_data_nic", "no data Nic recorded: switch failures are assumed not to affect it"],
      ["port-off", "bond_leg_disabled", "bond0: eth1's port tor-b port5 is disabled"],
      ["single-feed", "single_feed", "draws only on feed A of ORD1/C12, which has 2 feeds"],
      ["single-source", "single_source", "feeds A, B all come from ORD1/UPS-1, while ORD1/C14 has feeds from 2 sources"],
      // a TOR on one feed is flagged too: DESIGN.md's rule makes no exception, and a dual-PSU switch on one
      // feed cannot be told apart from a single-PSU one
      ["tor-a", "single_feed", "draws only on feed A of ORD1/C12, which has 2 feeds"],
      ["tor-b", "single_feed", "draws only on feed B of ORD1/C12, which has 2 feeds"],
      ["uncabled-eth", "no_cabled_data_nic", "no data Nic is cabled: switch failures are assumed not to affect it"],
    ]);
  });

  it("filters by device and by cabinet (a sled counts in its chassis' cabinet)", () => {
    const all = findings(index);
    const c12 = index.snapshot.cabinets.find((c) => c.name === "C12")!.id;
    const c15 = index.snapshot.cabinets.find((c) => c.name === "C15")!.id;
    expect(filterFindings(all, { deviceId: index.deviceByHostname.get("no-bay")!.id }).map((f) => f.kind)).toEqual([
      "sled_bay_missing",
      "no_cabled_data_nic",
    ]);
    expect(filterFindings(all, { cabinetId: c15 }).map((f) => f.hostname)).toEqual(["no-feeds"]);
    expect(filterFindings(all, { cabinetId: c12 }).map((f) => f.hostname)).toContain("bay-9");
    expect(filterFindings(all, { cabinetId: c12 }).map((f) => f.hostname)).not.toContain("single-source");
    expect(filterFindings(all, {})).toHaveLength(all.length);
  });
});

describe("bond_single_switch on switches", () => {
  it("flags a switch LAG whose legs all reach one switch, not a LAG towards one server", () => {
    const lags = snapshotBuilder()
      .cabinet("ORD1/C1", { feeds: { A: "UPS-1" } })
      .switch("core-1", { cabinet: "ORD1/C1", power: ["A"] })
      .switch("tor-1", { cabinet: "ORD1/C1", power: ["A"] })
      .server("db-1", { cabinet: "ORD1/C1", power: ["A"] })
      .nic("tor-1", "Te0/1", { bond: "Po1", to: "core-1" })
      .nic("tor-1", "Te0/2", { bond: "Po1", to: "core-1" })
      .nic("tor-1", "Te0/3", { bond: "Po2", to: "db-1" })
      .nic("tor-1", "Te0/4", { bond: "Po2", to: "db-1" })
      .index();
    expect(findings(lags).map((f) => [f.hostname, f.kind, f.message])).toEqual([
      ["tor-1", "bond_single_switch", "all 2 legs of Po1 (Te0/1, Te0/2) reach core-1: one switch takes the bond down"],
    ]);
  });
});
