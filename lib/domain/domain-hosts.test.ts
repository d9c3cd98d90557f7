import { describe, expect, it } from "vitest";
import { hostsOfDomain } from "./domain-hosts";
import { resolveDomain } from "./failure-domain";
import { snapshotBuilder } from "./test-snapshot";

const index = snapshotBuilder()
  .cabinet("ORD1/A01", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-2" } })
  .cabinet("ORD1/A02", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-1" } })
  .switch("tor-a", { cabinet: "ORD1/A01", power: ["A"] })
  .chassis("c-1", { cabinet: "ORD1/A02", power: ["A", "B"] })
  .sled("sled-2", "c-1", 2, { legs: ["tor-a"], driver: "ixgbe" })
  .sled("sled-1", "c-1", 1)
  .server("web-1", { cabinet: "ORD1/A01", power: ["B"], legs: ["tor-a"], driver: "bnx2" })
  .index();

const hosts = (ref: string) => {
  const resolved = resolveDomain(index, ref);
  if (!resolved.ok) throw new Error(resolved.error.message);
  return hostsOfDomain(index, resolved.domain).map((n) => n.device.hostname);
};

describe("hostsOfDomain", () => {
  it("lists what is in a place, sleds by their chassis' cabinet", () => {
    expect(hosts("cabinet:ORD1/A02")).toEqual(["c-1", "sled-1", "sled-2"]);
    expect(hosts("room:ORD1/Room A")).toEqual(["c-1", "sled-1", "sled-2", "tor-a", "web-1"]);
  });

  it("lists who draws on a feed or on any feed of a source", () => {
    expect(hosts("power_feed:ORD1/A01/A")).toEqual(["tor-a"]);
    expect(hosts("power_source:ORD1/UPS-1")).toEqual(["c-1", "sled-1", "sled-2", "tor-a"]);
  });

  it("lists a device, its sleds and what is cabled to it; a driver's data paths; a model's boxes", () => {
    expect(hosts("device:c-1")).toEqual(["c-1", "sled-1", "sled-2"]);
    expect(hosts("device:tor-a")).toEqual(["sled-2", "tor-a", "web-1"]);
    expect(hosts("nic_driver:bnx2")).toEqual(["web-1"]);
    expect(hosts("model:PowerEdge C5220")).toEqual(["sled-1", "sled-2"]);
  });
});
