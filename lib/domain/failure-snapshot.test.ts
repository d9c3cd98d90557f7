import { describe, expect, it } from "vitest";
import { SnapshotError, compareNatural, indexSnapshot, naturalSortKey, type Snapshot } from "./failure-snapshot";
import { snapshotBuilder } from "./test-snapshot";

describe("compareNatural", () => {
  it("orders numbers inside names by value, ignoring ASCII case", () => {
    expect(["app-10", "app-2", "App-3", "c12", "C2", "b"].sort(compareNatural)).toEqual(["app-2", "App-3", "app-10", "b", "C2", "c12"]);
  });

  it("is a total order: names equal but for zeros or case still compare unequal, the same way every time", () => {
    expect(compareNatural("a01", "a1")).not.toBe(0);
    expect(Math.sign(compareNatural("a01", "a1"))).toBe(-Math.sign(compareNatural("a1", "a01")));
    expect(compareNatural("A", "a")).toBeLessThan(0);
    expect(compareNatural("same", "same")).toBe(0);
  });
});

describe("naturalSortKey", () => {
  // strings built from the characters that matter: digits and runs of zeros, letters in both cases, and
  // characters just below and above the digits and the letters ("/" 47, ":" 58, "@" 64, "[" 91, "{" 123)
  const alphabet = ["0", "00", "1", "9", "10", "007", "a", "A", "z", "Z", "-", ".", "/", ":", "@", "[", "{", "é"];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const word = () => Array.from({ length: Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
  const byKey = (a: string, b: string) => {
    const ka = naturalSortKey(a);
    const kb = naturalSortKey(b);
    return ka !== kb ? (ka < kb ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;
  };

  it("orders any two strings as compareNatural does", () => {
    const pairs: [string, string][] = [
      ["app-9", "app-10"],
      ["a01", "a1"],
      ["a0", "a"],
      ["a00b", "ab"],
      ["x1", "x1y"],
      ["A", "a"],
      ["a9", "a:"],
      ["a0", "a/"],
    ];
    for (let i = 0; i < 20000; i++) pairs.push([word(), word()]);
    for (const [a, b] of pairs) expect([a, b, Math.sign(byKey(a, b))]).toEqual([a, b, Math.sign(compareNatural(a, b))]);
  });
});

describe("indexSnapshot", () => {
  const index = snapshotBuilder()
    .cabinet("ORD1/C12", { room: "Room A", feeds: { A: "UPS-1", B: "UPS-2" } })
    .cabinet("ORD1/C13", { feeds: {} })
    .switch("tor-a", { cabinet: "ORD1/C12", power: ["B", "A", "A"] })
    .switch("tor-b", { cabinet: "ORD1/C12" })
    .chassis("c5k", { cabinet: "ORD1/C12", power: ["A"] })
    .chassis("c5k-unpowered", { cabinet: "ORD1/C12" })
    .sled("sled-1", "c5k", 1)
    .sled("sled-2", "c5k-unpowered", 1)
    .server("dark", { cabinet: "ORD1/C13" })
    .device("spare", { site: "ORD1" })
    .server("web-1", { cabinet: "ORD1/C12", legs: ["tor-a", { to: "tor-a", enabled: false }, { to: "tor-b", peerEnabled: false }] })
    .nic("web-1", "eth7", {})
    .nic("web-1", "eth8", { to: "tor-b" })
    .nic("web-1", "idrac", { kind: "oob", to: "tor-b" })
    .index();
  const node = (host: string) => index.nodeByDeviceId.get(index.deviceByHostname.get(host)!.id)!;
  const feedNames = (host: string) => node(host).power.map((id) => index.powerFeedById.get(id)!.name);

  it("places a sled where its chassis is", () => {
    const sled = node("sled-1");
    expect([sled.cabinet?.name, sled.room?.name, sled.site?.name, sled.chassis?.hostname]).toEqual(["C12", "Room A", "ORD1", "c5k"]);
    expect(index.nodesByCabinet.get(sled.cabinet!.id)!.map((n) => n.device.hostname)).toContain("sled-1");
    expect(index.sledsByChassis.get(node("c5k").device.id)!.map((d) => d.hostname)).toEqual(["sled-1"]);
  });

  it("works out where each device's power comes from", () => {
    expect([feedNames("tor-a"), node("tor-a").powerOrigin]).toEqual([["A", "B"], "device"]);
    expect([feedNames("tor-b"), node("tor-b").powerOrigin]).toEqual([["A", "B"], "cabinet"]);
    expect([feedNames("sled-1"), node("sled-1").powerOrigin]).toEqual([["A"], "chassis"]);
    expect([feedNames("sled-2"), node("sled-2").powerOrigin]).toEqual([["A", "B"], "chassis_cabinet"]);
    expect([feedNames("dark"), node("dark").powerOrigin]).toEqual([[], "none"]);
    expect([feedNames("spare"), node("spare").powerOrigin, node("spare").site?.name]).toEqual([[], "none", "ORD1"]);
  });

  it("keeps as paths only enabled, cabled data Nics whose far end is enabled", () => {
    expect(node("web-1").paths.map((p) => `${p.nic.name}->${p.peer.hostname}:${p.peerNic.name}`)).toEqual(["eth0->tor-a:port1", "eth8->tor-b:port2"]);
    expect(index.nodesByPathPeer.get(node("tor-a").device.id)!.map((n) => n.device.hostname)).toEqual(["web-1"]);
  });

  it("resolves each device's oob Nics and what their cables lead to", () => {
    const links = (host: string) => node(host).oobLinks.map((l) => `${l.nic.name}->${l.peer?.hostname ?? "-"}:${l.peerNic?.name ?? "-"}`);
    expect(links("web-1")).toEqual(["idrac->tor-b:port3"]);
    expect(node("web-1").oobLinks[0]!.peerIdx).toBe(node("tor-b").idx);
    expect(links("dark")).toEqual([]);
    const uncabled = snapshotBuilder().cabinet("ORD1/C1").server("h", { cabinet: "ORD1/C1" }).nic("h", "idrac", { kind: "oob" }).index();
    expect(uncabled.nodes[0]!.oobLinks.map((l) => [l.nic.name, l.peerNic, l.peer, l.peerIdx])).toEqual([["idrac", null, null, -1]]);
  });

  it("collects every distinct Nic driver, of oob and uncabled Nics too, leaving out empty ones", () => {
    const drivers = snapshotBuilder()
      .cabinet("ORD1/C1")
      .switch("sw", { cabinet: "ORD1/C1" })
      .server("h", { cabinet: "ORD1/C1", legs: ["sw"], driver: "bnx2" })
      .nic("h", "eth5", { driver: "tg3" })
      .nic("h", "eth6", { driver: "" })
      .nic("h", "idrac", { kind: "oob", driver: "bmc" })
      .index();
    expect([...drivers.nicDrivers].sort()).toEqual(["bmc", "bnx2", "tg3"]);
  });

  it("ranks every device by hostname in compareNatural order", () => {
    const names = ["app-10", "b", "App-3", "db01", "app-2", "db1", "C2", "c12", "app-02"];
    const ranked = names.reduce((b, host) => b.device(host, { site: "ORD1" }), snapshotBuilder()).index();
    const inOrder = Array.from(ranked.hostnameOrder, (idx) => ranked.nodes[idx]!.device.hostname);
    expect(inOrder).toEqual([...names].sort(compareNatural));
    expect(inOrder).toEqual(["app-02", "app-2", "App-3", "app-10", "b", "C2", "c12", "db01", "db1"]);
    for (const n of ranked.nodes) expect(ranked.hostnameOrder[ranked.hostnameRank[n.idx]!]).toBe(n.idx);
  });

  it("makes cables symmetric when only one end names the other", () => {
    const snap = snapshotBuilder().cabinet("ORD1/C1").switch("sw", { cabinet: "ORD1/C1" }).server("h", { cabinet: "ORD1/C1", legs: ["sw"] }).build();
    for (const nic of snap.nics) if (nic.kind === "nic" && snap.devices.find((d) => d.id === nic.deviceId)!.hostname === "sw") {
      nic.peerNicId = null;
      nic.peerDeviceId = null;
    }
    const oneSided = indexSnapshot(snap);
    const port = snap.nics.find((n) => n.name === "port1")!;
    expect(oneSided.peerOfNic.get(port.id)?.name).toBe("eth0");
    expect(oneSided.nodes.find((n) => n.device.hostname === "h")!.paths.length).toBe(1);
  });

  it("rejects a snapshot with dangling or contradictory references, naming them", () => {
    const base = (): Snapshot => snapshotBuilder().cabinet("ORD1/C1").server("h", { cabinet: "ORD1/C1" }).switch("sw", { cabinet: "ORD1/C1" }).build();
    const dangling = base();
    dangling.devices[0]!.modelId = 999;
    expect(() => indexSnapshot(dangling)).toThrow(new SnapshotError("snapshot: device h points at model 999, which is not in the snapshot"));
    const twice = base();
    twice.devices[1]!.hostname = "h";
    expect(() => indexSnapshot(twice)).toThrow("snapshot: hostname h appears twice");
    const member = base();
    member.services.push({ id: 500, name: "svc", minUp: 1, members: [{ deviceId: 12345, role: "" }] });
    expect(() => indexSnapshot(member)).toThrow("snapshot: service svc points at device 12345, which is not in the snapshot");
  });

  it("rejects a Nic on two cables", () => {
    const snap = snapshotBuilder()
      .cabinet("ORD1/C1")
      .switch("sw", { cabinet: "ORD1/C1" })
      .server("h", { cabinet: "ORD1/C1", legs: ["sw", "sw"] })
      .build();
    const [eth0, eth1] = snap.nics.filter((n) => n.name === "eth0" || n.name === "eth1");
    eth1!.peerNicId = eth0!.peerNicId;
    eth1!.peerDeviceId = eth0!.peerDeviceId;
    expect(() => indexSnapshot(snap)).toThrow(SnapshotError);
  });
});
