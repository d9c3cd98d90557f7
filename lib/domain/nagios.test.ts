import { describe, expect, it } from "vitest";
import { formatNagiosHosts, nagiosHosts } from "./nagios";
import { snapshotBuilder } from "./test-snapshot";

function rack() {
  return snapshotBuilder()
    .cabinet("ORD1/A01", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-2" } })
    .switch("tor-a01-a", { cabinet: "ORD1/A01", u: 42, oobIp: "10.9.0.2" })
    .switch("tor-a01-b", { cabinet: "ORD1/A01", u: 41, oobIp: "10.9.0.3" })
    .switch("mgmt-a", { cabinet: "ORD1/A01", u: 40 })
    .nic("tor-a01-a", "mgmt0", { kind: "oob", to: "mgmt-a" });
}

const hostsOf = (index: ReturnType<ReturnType<typeof rack>["index"]>, ips: Record<string, string> = {}) =>
  nagiosHosts(index, new Map(Object.entries(ips).map(([host, ip]) => [index.deviceByHostname.get(host)!.id, ip])));

describe("nagiosHosts", () => {
  it("makes a host's data-path switches its parents, never its out-of-band switch, and gives switches none", () => {
    const index = rack()
      .server("app-01", { cabinet: "ORD1/A01", u: 10, legs: ["tor-a01-b", "tor-a01-a"], oob: "mgmt-a" })
      .index();
    const hosts = hostsOf(index, { "app-01": "10.1.0.10", "mgmt-a": "10.9.0.1" });
    expect(hosts.find((h) => h.hostname === "app-01")).toMatchObject({
      address: "10.1.0.10",
      parents: ["tor-a01-a", "tor-a01-b"],
      location: "ORD1/Room A/A01/U10",
    });
    for (const sw of ["tor-a01-a", "tor-a01-b", "mgmt-a"]) expect(hosts.find((h) => h.hostname === sw)?.parents).toEqual([]);
  });

  it("names one parent once when both bond legs reach it, and skips a disabled leg", () => {
    const index = rack()
      .server("app-07", { cabinet: "ORD1/A01", legs: ["tor-a01-a", "tor-a01-a"] })
      .server("app-08", { cabinet: "ORD1/A01", legs: ["tor-a01-a", { to: "tor-a01-b", enabled: false }] })
      .index();
    const hosts = hostsOf(index, { "app-07": "10.1.0.7", "app-08": "10.1.0.8" });
    expect(hosts.find((h) => h.hostname === "app-07")?.parents).toEqual(["tor-a01-a"]);
    expect(hosts.find((h) => h.hostname === "app-08")?.parents).toEqual(["tor-a01-a"]);
  });

  it("falls back to the out-of-band address, leaves out devices with no address and devices not running", () => {
    const index = rack()
      .chassis("chassis-1", { cabinet: "ORD1/A01", u: 20 })
      .sled("sled-1", "chassis-1", 2, { legs: ["tor-a01-a", "tor-a01-b"], oobIp: "10.9.1.5" })
      .server("spare-1", { site: "ORD1", status: "inventory", oobIp: "10.9.1.6" })
      .server("new-1", { cabinet: "ORD1/A01", status: "planned", legs: ["tor-a01-a"], oobIp: "10.9.1.7" })
      .index();
    const hosts = hostsOf(index);
    const names = hosts.map((h) => h.hostname);
    expect(names).toEqual(["sled-1", "tor-a01-a", "tor-a01-b"]);
    expect(hosts[0]).toMatchObject({ address: "10.9.1.5", location: "ORD1/Room A/A01/U20/chassis-1 bay 2" });
  });

  it("keeps a parent switch with no address, addressed by its hostname, so no parent is undefined", () => {
    const index = rack().server("app-01", { cabinet: "ORD1/A01", legs: ["mgmt-a"] }).index();
    const hosts = hostsOf(index, { "app-01": "10.1.0.10" });
    expect(hosts.find((h) => h.hostname === "mgmt-a")).toMatchObject({ address: "mgmt-a", parents: [] });
  });
});

describe("formatNagiosHosts", () => {
  it("writes define host blocks with the template, parents and a notes URL", () => {
    const text = formatNagiosHosts(
      [{ hostname: "app-01", address: "10.1.0.10", alias: "app-01 (R710; rack A01)", parents: ["tor-a", "tor-b"], location: "ORD1/A01/U10" }],
      { template: "generic-host", header: ["generated"], notesUrl: (h) => `https://rackmap.example.com/devices/${h}` },
    );
    expect(text).toContain("# generated\n");
    expect(text).toMatch(/define host \{\n {4}use {17}generic-host\n {4}host_name {11}app-01\n/);
    expect(text).toMatch(/\n {4}parents {13}tor-a, tor-b\n/);
    expect(text).toMatch(/\n {4}notes_url {11}https:\/\/rackmap\.example\.com\/devices\/app-01\n/);
    // `;` starts a comment in Nagios object files: never in a value
    expect(text).toContain("alias               app-01 (R710 rack A01)");
    expect(text.trimEnd().endsWith("}")).toBe(true);
  });
});
