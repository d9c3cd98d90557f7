import { describe, expect, it } from "vitest";
import { DOMAIN_TYPES, listDomains } from "./failure-domain";
import { indexSnapshot, type SnapshotIndex, type SnapshotService } from "./failure-snapshot";
import { computeImpact } from "./impact";
import { allServiceSpofs, hardDependencies, serviceSpofs, sharedDomains, spreadAdvice } from "./spof";
import { randomSnapshot, snapshotBuilder, type SnapshotBuilder } from "./test-snapshot";

const service = (index: SnapshotIndex, name: string): SnapshotService => index.serviceByName.get(name)!;
const hard = (index: SnapshotIndex, host: string) => [...hardDependencies(index, index.deviceByHostname.get(host)!.id)].sort();

// two cabinets in two rooms, each with two TORs on different feeds and sources
function twoCabinets(): SnapshotBuilder {
  return snapshotBuilder()
    .cabinet("ORD1/A03", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-2" } })
    .cabinet("ORD1/B07", { room: "Room B", feeds: { A: "UPS-3", B: "UPS-4" } })
    .switch("tor-a03-a", { cabinet: "ORD1/A03", power: ["A"] })
    .switch("tor-a03-b", { cabinet: "ORD1/A03", power: ["B"] })
    .switch("tor-b07-a", { cabinet: "ORD1/B07", power: ["A"] })
    .switch("tor-b07-b", { cabinet: "ORD1/B07", power: ["B"] });
}

describe("hardDependencies", () => {
  it("a well-wired server: its own places, its model, and what both TORs share (their cabinet and model)", () => {
    const index = twoCabinets()
      .server("web-1", { cabinet: "ORD1/A03", power: ["A", "B"], legs: ["tor-a03-a", "tor-a03-b"], driver: "bnx2" })
      .index();
    expect(hard(index, "web-1")).toEqual([
      "cabinet:ORD1/A03",
      "device:web-1",
      "model:PowerEdge R710",
      "model:S4810",
      "nic_driver:bnx2",
      "room:ORD1/Room A",
      "site:ORD1",
    ]);
  });

  it("one feed: that feed and its source; two feeds from one source: the source only", () => {
    const index = twoCabinets()
      .cabinet("ORD1/A04", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-1" } })
      .server("one-feed", { cabinet: "ORD1/A03", power: ["A"] })
      .server("one-source", { cabinet: "ORD1/A04", power: ["A", "B"] })
      .index();
    expect(hard(index, "one-feed")).toContain("power_feed:ORD1/A03/A");
    expect(hard(index, "one-feed")).toContain("power_source:ORD1/UPS-1");
    expect(hard(index, "one-source").filter((r) => r.startsWith("power"))).toEqual(["power_source:ORD1/UPS-1"]);
  });

  it("a sled: its chassis and the chassis' model, the chassis' power and place", () => {
    const index = twoCabinets()
      .chassis("c5k-a03-1", { cabinet: "ORD1/A03", power: ["B"] })
      .sled("redis-1", "c5k-a03-1", 1)
      .index();
    expect(hard(index, "redis-1")).toEqual([
      "cabinet:ORD1/A03",
      "device:c5k-a03-1",
      "device:redis-1",
      "model:PowerEdge C5000",
      "model:PowerEdge C5220",
      "power_feed:ORD1/A03/B",
      "power_source:ORD1/UPS-2",
      "room:ORD1/Room A",
      "site:ORD1",
    ]);
  });

  it("a bond with both legs on one TOR: that TOR and everything it hangs on", () => {
    const index = twoCabinets()
      .server("web-1", { cabinet: "ORD1/A03", power: ["A", "B"], legs: [{ to: "tor-a03-a", driver: "bnx2" }, { to: "tor-a03-a", driver: "ixgbe" }] })
      .index();
    expect(hard(index, "web-1")).toEqual([
      "cabinet:ORD1/A03",
      "device:tor-a03-a",
      "device:web-1",
      "model:PowerEdge R710",
      "model:S4810",
      "power_feed:ORD1/A03/A",
      "power_source:ORD1/UPS-1",
      "room:ORD1/Room A",
      "site:ORD1",
    ]);
  });

  it("a switch does not inherit anything from its uplinks", () => {
    const index = twoCabinets().cable("tor-a03-a:up1", "tor-b07-a:down1").index();
    expect(hard(index, "tor-a03-a")).toEqual([
      "cabinet:ORD1/A03",
      "device:tor-a03-a",
      "model:S4810",
      "power_feed:ORD1/A03/A",
      "power_source:ORD1/UPS-1",
      "room:ORD1/Room A",
      "site:ORD1",
    ]);
  });
});

describe("serviceSpofs: the examples of DESIGN.md", () => {
  // master, slave and backup in three cabinets, each bonded over its two TORs, all on bnx2
  const index = twoCabinets()
    .cabinet("ORD1/A05", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-2" } })
    .switch("tor-a05-a", { cabinet: "ORD1/A05", power: ["A"], model: "S60" })
    .switch("tor-a05-b", { cabinet: "ORD1/A05", power: ["B"], model: "S60" })
    .server("db-master-01", { cabinet: "ORD1/A03", power: ["A", "B"], legs: ["tor-a03-a", "tor-a03-b"], driver: "bnx2" })
    .server("db-slave-01", { cabinet: "ORD1/B07", power: ["A", "B"], legs: ["tor-b07-a", "tor-b07-b"], driver: "bnx2" })
    .server("db-backup-01", { cabinet: "ORD1/A05", power: ["A", "B"], legs: ["tor-a05-a", "tor-a05-b"], driver: "bnx2", model: "PowerEdge 2950" })
    .chassis("c5k-a03-1", { cabinet: "ORD1/A03", power: ["A", "B"] })
    .sled("redis-1", "c5k-a03-1", 1, { legs: ["tor-a03-a", "tor-a03-b"], driver: "igb" })
    .sled("redis-2", "c5k-a03-1", 2, { legs: ["tor-a03-a", "tor-a03-b"], driver: "ixgbe" })
    .server("solo-1", { cabinet: "ORD1/B07", power: ["A", "B"], legs: ["tor-b07-a", "tor-b07-a"], driver: "ixgbe" })
    .server("solo-2", { cabinet: "ORD1/A05", power: ["A", "B"], legs: ["tor-a05-a", "tor-a05-b"], driver: "igb" })
    .service("basecamp-db", ["db-master-01", "db-slave-01", "db-backup-01"])
    .service("redis", ["redis-1", "redis-2"])
    .service("bonded-on-one-tor", ["solo-1"])
    .service("pair", ["solo-1", "solo-2"], 2)
    .service("empty", [])
    .index();

  it("master, slave and backup on one NIC driver share nic_driver:bnx2", () => {
    const spofs = serviceSpofs(index, service(index, "basecamp-db"));
    expect(spofs.spofs.map((s) => s.ref)).toEqual(["site:ORD1", "nic_driver:bnx2"]);
    expect(spofs.physical).toEqual(["site:ORD1"]);
    expect(spofs.fleet).toEqual(["nic_driver:bnx2"]);
    expect(spofs.spofs[1]).toEqual({ ref: "nic_driver:bnx2", type: "nic_driver", group: "fleet", members: ["db-backup-01", "db-master-01", "db-slave-01"] });
    expect(computeImpact(index, listDomains(index, "nic_driver").filter((d) => d.key === "bnx2")).services.find((s) => s.name === "basecamp-db")!.state).toBe("outage");
  });

  it("two redis sleds in one chassis share device:<chassis>", () => {
    expect(serviceSpofs(index, service(index, "redis")).spofs.map((s) => s.ref)).toEqual([
      "site:ORD1",
      "room:ORD1/Room A",
      "cabinet:ORD1/A03",
      "device:c5k-a03-1",
      "model:PowerEdge C5000",
      "model:PowerEdge C5220",
      "model:S4810",
    ]);
  });

  it("a bond with both legs on one TOR makes that TOR a SPOF; a one-member service's own device is one too", () => {
    expect(serviceSpofs(index, service(index, "bonded-on-one-tor")).physical).toEqual([
      "site:ORD1",
      "room:ORD1/Room B",
      "cabinet:ORD1/B07",
      "power_source:ORD1/UPS-3",
      "power_feed:ORD1/B07/A",
      "device:solo-1",
      "device:tor-b07-a",
    ]);
  });

  it("with minUp = total, losing any one member is an outage", () => {
    const spofs = serviceSpofs(index, service(index, "pair"));
    expect(spofs.spofs.map((s) => [s.ref, s.members])).toEqual([
      ["site:ORD1", ["solo-1", "solo-2"]],
      ["room:ORD1/Room A", ["solo-2"]],
      ["room:ORD1/Room B", ["solo-1"]],
      ["cabinet:ORD1/A05", ["solo-2"]],
      ["cabinet:ORD1/B07", ["solo-1"]],
      ["power_source:ORD1/UPS-3", ["solo-1"]],
      ["power_feed:ORD1/B07/A", ["solo-1"]],
      ["device:solo-1", ["solo-1"]],
      ["device:solo-2", ["solo-2"]],
      ["device:tor-b07-a", ["solo-1"]],
      ["nic_driver:igb", ["solo-2"]],
      ["nic_driver:ixgbe", ["solo-1"]],
      ["model:PowerEdge R710", ["solo-1", "solo-2"]],
      ["model:S60", ["solo-2"]],
      ["model:S4810", ["solo-1"]],
    ]);
    expect(spofs.fleet).toEqual(["nic_driver:igb", "nic_driver:ixgbe", "model:PowerEdge R710", "model:S60", "model:S4810"]);
  });

  it("an empty service is an outage with nothing failed, and gets no SPOF list", () => {
    expect(serviceSpofs(index, service(index, "empty"))).toEqual({
      serviceId: service(index, "empty").id,
      name: "empty",
      minUp: 1,
      total: 0,
      state: "outage",
      spofs: [],
      physical: [],
      fleet: [],
    });
  });

  it("allServiceSpofs lists every service by name", () => {
    expect(allServiceSpofs(index).map((s) => [s.name, s.state, s.spofs.length])).toEqual([
      ["basecamp-db", "ok", 2],
      ["bonded-on-one-tor", "ok", 10],
      ["empty", "outage", 0],
      ["pair", "ok", 15],
      ["redis", "ok", 7],
    ]);
  });
});

describe("minUp counting", () => {
  const index = twoCabinets()
    .cabinet("ORD1/A04", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-2" } })
    .server("app-1", { cabinet: "ORD1/A03", power: ["A", "B"], model: "R1" })
    .server("app-2", { cabinet: "ORD1/A04", power: ["A", "B"], model: "R2" })
    .server("app-3", { cabinet: "ORD1/B07", power: ["A", "B"], model: "R3" })
    .service("two-of-three", ["app-1", "app-2", "app-3"], 2)
    .service("one-of-three", ["app-1", "app-2", "app-3"], 1)
    .index();

  it("min_up 2 of 3: a domain holding two members is a SPOF, one holding one member is not", () => {
    expect(serviceSpofs(index, service(index, "two-of-three")).spofs.map((s) => s.ref)).toEqual(["site:ORD1", "room:ORD1/Room A"]);
    expect(serviceSpofs(index, service(index, "one-of-three")).spofs.map((s) => s.ref)).toEqual(["site:ORD1"]);
  });

  it("agrees with computeImpact", () => {
    const room = listDomains(index, "room").filter((d) => d.key === "ORD1/Room A");
    const states = computeImpact(index, room).services.map((s) => [s.name, s.state, s.up]);
    expect(states).toEqual([
      ["one-of-three", "at_risk", 1],
      ["two-of-three", "outage", 1],
    ]);
  });
});

describe("sharedDomains and spreadAdvice", () => {
  const index = twoCabinets()
    .chassis("c5k-a03-1", { cabinet: "ORD1/A03", power: ["A", "B"] })
    .sled("redis-1", "c5k-a03-1", 1)
    .sled("redis-2", "c5k-a03-1", 2)
    .server("db-master-01", { cabinet: "ORD1/A03", power: ["A", "B"] })
    .server("db-slave-01", { cabinet: "ORD1/A03", power: ["A", "B"] })
    .server("db-backup-01", { cabinet: "ORD1/B07", power: ["A", "B"] })
    .service("basecamp-db", ["db-master-01", "db-slave-01", "db-backup-01"])
    .service("redis", ["redis-1", "redis-2"])
    .service("all", ["redis-1", "redis-2", "db-master-01"])
    .index();

  it("lists which members share which domains", () => {
    expect(sharedDomains(index, service(index, "basecamp-db")).map((s) => [s.ref, s.group, s.members])).toEqual([
      ["site:ORD1", "physical", ["db-backup-01", "db-master-01", "db-slave-01"]],
      ["room:ORD1/Room A", "physical", ["db-master-01", "db-slave-01"]],
      ["cabinet:ORD1/A03", "physical", ["db-master-01", "db-slave-01"]],
      ["model:PowerEdge R710", "fleet", ["db-backup-01", "db-master-01", "db-slave-01"]],
    ]);
  });

  it("advises moving members that share a cabinet or a chassis", () => {
    expect(spreadAdvice(index, service(index, "basecamp-db"))).toEqual(["db-master-01 and db-slave-01 share cabinet ORD1/A03: move one"]);
    expect(spreadAdvice(index, service(index, "redis"))).toEqual([
      "redis-1 and redis-2 share chassis c5k-a03-1: move one",
      "redis-1 and redis-2 share cabinet ORD1/A03: move one",
    ]);
    expect(spreadAdvice(index, service(index, "all"))).toEqual([
      "redis-1 and redis-2 share chassis c5k-a03-1: move one",
      "db-master-01, redis-1 and redis-2 share cabinet ORD1/A03: move all but one",
    ]);
  });
});

describe("SPOF ⇔ impact (property, on random snapshots)", () => {
  // For every domain D: D is in a device's hard set exactly when computeImpact({D}) puts the device down, and
  // D is a SPOF of a service exactly when computeImpact({D}) puts it in outage. Services that are in outage
  // with nothing failed (fewer members than minUp) are left out: they have no SPOF list by definition.
  it("holds for every device, service and domain of 60 random datacenters", () => {
    let downPairs = 0;
    let networkPairs = 0;
    let servicePairs = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const index = indexSnapshot(randomSnapshot(seed));
      const spofs = new Map(index.snapshot.services.map((s) => [s.name, new Set(serviceSpofs(index, s).spofs.map((x) => x.ref))]));
      for (const type of DOMAIN_TYPES) {
        for (const domain of listDomains(index, type)) {
          const impact = computeImpact(index, [domain]);
          const down = new Set(impact.down.map((d) => d.hostname));
          for (const node of index.nodes) {
            const inHard = hardDependencies(index, node.device.id).has(domain.ref);
            if (inHard !== down.has(node.device.hostname)) {
              throw new Error(`seed ${seed}: ${domain.ref} ${inHard ? "is" : "is not"} a hard dependency of ${node.device.hostname}, but impact says ${down.has(node.device.hostname) ? "down" : "up"}`);
            }
            if (inHard) downPairs++;
            if (inHard && (domain.type === "nic_driver" || (domain.type === "device" && domain.key !== node.device.hostname && domain.key !== node.chassis?.hostname))) {
              networkPairs++;
            }
          }
          for (const result of impact.services) {
            const svc = index.serviceByName.get(result.name)!;
            if (svc.members.length < svc.minUp) continue;
            const isSpof = spofs.get(result.name)!.has(domain.ref);
            if (isSpof !== (result.state === "outage")) {
              throw new Error(`seed ${seed}: ${domain.ref} ${isSpof ? "is" : "is not"} a SPOF of ${result.name}, but impact says ${result.state}`);
            }
            if (isSpof) servicePairs++;
          }
        }
      }
    }
    // the random snapshots must exercise the interesting cases, or the property proves little
    expect(downPairs).toBeGreaterThan(5000);
    expect(networkPairs).toBeGreaterThan(200);
    expect(servicePairs).toBeGreaterThan(1000);
  }, 60_000);
});
