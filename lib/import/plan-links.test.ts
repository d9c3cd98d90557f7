// The nics and cables plans against small hand-made snapshots: bonds resolved within the file,
// unique MACs, cables keyed by label or a-end, switch ports created on the side, one cable per port.
import { describe, expect, it } from "vitest";
import { readCsvText } from "./csv-read";
import type { ImportKind } from "./kinds";
import { planCables, type CablesSnapshot } from "./plan-cables";
import { planNics, type NicsSnapshot } from "./plan-nics";
import { checkHeader, validateRows, type RowTypes } from "./validate";

function rows<K extends ImportKind>(kind: K, csv: string) {
  const { file } = readCsvText(csv);
  const header = checkHeader(kind, file!.header, file!.records);
  const validated = validateRows(kind, file!, header.columns);
  expect([...header.issues, ...validated.issues]).toEqual([]);
  return validated.rows as { row: number; data: RowTypes[K] }[];
}

const nics: NicsSnapshot = {
  devices: new Map([
    ["app-01", { id: 1, hostname: "app-01" }],
    ["app-02", { id: 2, hostname: "app-02" }],
  ]),
  nics: [
    { id: 10, deviceId: 1, name: "bond0", kind: "bond", mac: null, speedMbps: null, driver: null, enabled: true, bond: null, bondMode: "802.3ad", ip: "10.0.0.1" },
    { id: 11, deviceId: 1, name: "eth0", kind: "nic", mac: "00:00:00:00:00:01", speedMbps: 10000, driver: "ixgbe", enabled: true, bond: "bond0", bondMode: null, ip: null },
  ],
  macs: new Map([["00:00:00:00:00:01", { deviceId: 1, hostname: "app-01", name: "eth0" }]]),
};

describe("planNics", () => {
  it("resolves a bond defined later in the same file, and keeps what empty cells do not say", () => {
    const p = planNics(rows("nics", "hostname,name,kind,bond,bond_mode,speed\napp-02,eth0,nic,bond0,,1G\napp-02,bond0,bond,,active-backup,\napp-01,eth0,,,,10G\n"), nics);
    expect(p.issues).toEqual([]);
    expect([...p.outcomes]).toEqual([
      [2, "create"],
      [3, "create"],
      [4, "unchanged"],
    ]);
    expect(p.creates.map((n) => [n.name, n.bond, n.bondMode])).toEqual([
      ["eth0", "bond0", null],
      ["bond0", null, "active-backup"],
    ]);
  });

  it("refuses a MAC another Nic has, a bond that is not one, and a bond that would lose its kind while it has members", () => {
    const p = planNics(rows("nics", "hostname,name,kind,mac,bond\napp-02,eth0,,00-00-00-00-00-01,\napp-02,eth1,,,eth0\napp-01,bond0,nic,,\n"), nics);
    expect(p.issues).toEqual([
      { row: 3, column: "bond", message: "eth0 on app-02 is a nic, not a bond: give it kind bond." },
      { row: 4, column: "kind", message: "bond0 on app-01 is the bond of eth0: it stays a bond while it has members." },
      { row: 2, column: "mac", message: "MAC 00:00:00:00:00:01 belongs to app-01 eth0: a MAC is unique." },
    ]);
  });

  it("lets a MAC move from one Nic to another within the file", () => {
    const p = planNics(rows("nics", "hostname,name,mac\napp-02,eth0,00:00:00:00:00:01\napp-01,eth0,00:00:00:00:00:02\n"), nics);
    expect(p.issues).toEqual([]);
    expect(p.updates.map((n) => [n.name, n.mac, n.macChanges])).toEqual([["eth0", "00:00:00:00:00:02", true]]);
  });
});

const cables: CablesSnapshot = {
  devices: new Map([
    ["app-01", { id: 1, hostname: "app-01", kind: "server" }],
    ["app-02", { id: 2, hostname: "app-02", kind: "server" }],
    ["tor-a", { id: 3, hostname: "tor-a", kind: "switch" }],
  ]),
  nics: new Map([
    ["1\u0000eth0", { id: 11, deviceId: 1, name: "eth0" }],
    ["1\u0000eth1", { id: 12, deviceId: 1, name: "eth1" }],
    ["2\u0000eth0", { id: 21, deviceId: 2, name: "eth0" }],
    ["3\u0000Te1/0/1", { id: 31, deviceId: 3, name: "Te1/0/1" }],
    ["3\u0000Te1/0/2", { id: 32, deviceId: 3, name: "Te1/0/2" }],
  ]),
  cables: [
    { id: 100, aNicId: 11, bNicId: 31, label: "L-0001", createdAt: new Date(0), version: 1, a: { hostname: "app-01", name: "eth0" }, b: { hostname: "tor-a", name: "Te1/0/1" } },
    { id: 101, aNicId: 12, bNicId: 32, label: null, createdAt: new Date(0), version: 1, a: { hostname: "app-01", name: "eth1" }, b: { hostname: "tor-a", name: "Te1/0/2" } },
  ],
};
const CABLE_HEAD = "a_host,a_port,b_host,b_port,label\n";

describe("planCables", () => {
  it("knows a cable by its label, or by its a-end without one; the same ports the other way round are the same cable", () => {
    const p = planCables(rows("cables", `${CABLE_HEAD}app-01,eth0,tor-a,Te1/0/1,L-0001\ntor-a,Te1/0/2,app-01,eth1,\n`), cables);
    expect(p.issues).toEqual([]);
    expect([...p.outcomes.values()]).toEqual(["unchanged", "unchanged"]);
    expect(planCables(rows("cables", `${CABLE_HEAD}app-01,eth1,,,\n`), cables).outcomes.get(2)).toBe("unchanged");
    const again = planCables(rows("cables", `${CABLE_HEAD}tor-a,Te1/0/2,app-01,eth1,\napp-01,eth1,,,\n`), cables);
    expect(again.issues).toEqual([
      { row: 3, column: "a_port", message: "This is the cable app-01 eth1 - tor-a Te1/0/2 again, already on row 2: each cable is one row." },
    ]);
  });

  it("creates a port missing on a switch and lists it, but not one missing on a server", () => {
    const p = planCables(rows("cables", `${CABLE_HEAD}app-02,eth0,tor-a,Te1/0/9,L-0009\napp-02,eth5,tor-a,Te1/0/10,L-0010\n`), cables);
    expect(p.issues).toEqual([{ row: 3, column: "a_port", message: expect.stringMatching(/^app-02 has no port eth5/) }]);
    expect(p.alsoCreated).toEqual([{ type: "switch_port", key: "tor-a Te1/0/9" }]);
  });

  it("refuses a port already cabled, in the database or earlier in the file, and frees one a cable of the file leaves", () => {
    const taken = planCables(rows("cables", `${CABLE_HEAD}app-02,eth0,tor-a,Te1/0/1,L-0002\n`), cables);
    expect(taken.issues).toEqual([{ row: 2, column: "b_port", message: "tor-a Te1/0/1 is already cabled to app-01 eth0 (cable L-0001)." }]);
    const twice = planCables(rows("cables", `${CABLE_HEAD}app-02,eth0,tor-a,Te1/0/7,L-0002\napp-01,eth1,tor-a,Te1/0/7,L-0003\n`), cables);
    expect(twice.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [3, "a_port", "app-01 eth1 is already cabled to tor-a Te1/0/2."],
      [3, "b_port", "tor-a Te1/0/7 is already cabled to app-02 eth0 (row 2)."],
    ]);
    const moved = planCables(rows("cables", `${CABLE_HEAD}app-01,eth0,tor-a,Te1/0/5,L-0001\napp-02,eth0,tor-a,Te1/0/1,L-0002\n`), cables);
    expect(moved.issues).toEqual([]);
    expect([...moved.outcomes.values()]).toEqual(["update", "create"]);
  });
});
