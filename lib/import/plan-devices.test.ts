// The devices plan against a small, hand-made snapshot: every placement rule with the message an
// operator reads, without a database.
import { describe, expect, it } from "vitest";
import { readCsvText } from "./csv-read";
import { planDevices, type CabinetInfo, type DevicesSnapshot, type DeviceState, type ModelInfo } from "./plan-devices";
import { checkHeader, validateRows } from "./validate";

const models: ModelInfo[] = [
  { id: 1, name: "PowerEdge R710", kind: "server", heightU: 2, fullDepth: true, bays: 0 },
  { id: 2, name: "PowerEdge C6220", kind: "chassis", heightU: 2, fullDepth: true, bays: 4 },
  { id: 3, name: "PowerEdge C6220 sled", kind: "sled", heightU: 0, fullDepth: true, bays: 0 },
  { id: 4, name: "Half 1U", kind: "switch", heightU: 1, fullDepth: false, bays: 0 },
];
const c12: CabinetInfo = { id: 10, siteId: 1, site: "ORD1", name: "C12", heightU: 42, feeds: ["A", "B"] };
const c13: CabinetInfo = { id: 11, siteId: 1, site: "ORD1", name: "C13", heightU: 42, feeds: ["A"] };

function device(id: number, hostname: string, modelId: number, place: Partial<DeviceState>): DeviceState {
  return {
    id,
    hostname,
    modelId,
    role: "",
    status: "active",
    serial: null,
    assetTag: null,
    siteId: null,
    cabinetId: null,
    uLow: null,
    face: null,
    chassisId: null,
    chassis: null,
    bay: null,
    primaryIp: null,
    oobIp: null,
    os: "",
    notes: "",
    power: [],
    ...place,
  };
}

const app23 = device(100, "app-23", 1, { siteId: 1, cabinetId: 10, uLow: 13, face: "front", serial: "ABC1234", power: ["A", "B"] });
const chassis = device(101, "chassis-c12-u20", 2, { siteId: 1, cabinetId: 10, uLow: 20, face: "front" });
const redis = device(102, "redis-01", 3, { chassisId: 101, chassis: "chassis-c12-u20", bay: 2 });

function snapshot(): DevicesSnapshot {
  const devices = new Map([app23, chassis, redis].map((d) => [d.hostname, d]));
  return {
    models: new Map(models.map((m) => [m.name, m])),
    modelById: new Map(models.map((m) => [m.id, m])),
    sites: new Map([["ORD1", 1]]),
    siteById: new Map([[1, "ORD1"]]),
    cabinets: new Map([c12, c13].map((c) => [`${c.site}\u0000${c.name}`, c])),
    cabinetById: new Map([c12, c13].map((c) => [c.id, c])),
    devices,
    racked: [
      { hostname: "app-23", cabinetId: 10, uLow: 13, uHeight: 2, face: "front", fullDepth: true },
      { hostname: "chassis-c12-u20", cabinetId: 10, uLow: 20, uHeight: 2, face: "front", fullDepth: true },
      { hostname: "sw-rear", cabinetId: 10, uLow: 30, uHeight: 1, face: "rear", fullDepth: false },
    ],
    sleds: [{ chassisId: 101, hostname: "redis-01", bay: 2 }],
    serials: new Map([["ABC1234", "app-23"]]),
    assetTags: new Map(),
  };
}

function plan(csv: string) {
  const { file } = readCsvText(csv);
  const header = checkHeader("devices", file!.header, file!.records);
  const validated = validateRows("devices", file!, header.columns);
  expect([...header.issues, ...validated.issues]).toEqual([]);
  const result = planDevices(validated.rows, snapshot(), validated.failed);
  result.issues.sort((a, b) => a.row! - b.row!);
  return result;
}

const HEAD = "hostname,model,serial,site,cabinet,u,face,chassis,bay,power\n";

describe("planDevices", () => {
  it("names the occupant of taken units, from the database and from earlier rows", () => {
    const p = plan(`${HEAD}new-1,PowerEdge R710,,ORD1,C12,12,,,,\nnew-2,PowerEdge R710,,ORD1,C12,5,,,,\nnew-3,PowerEdge R710,,ORD1,C12,6,,,,\n`);
    expect(p.issues).toEqual([
      { row: 2, column: "u", message: "U12–U13 of ORD1/C12 front are taken by app-23." },
      { row: 4, column: "u", message: "U6–U7 of ORD1/C12 front are taken by new-2 (row 3)." },
    ]);
  });

  it("lets a half-depth device share units with one on the other face, and a full-depth one collide with it", () => {
    const p = plan(`${HEAD}half-front,Half 1U,,ORD1,C12,30,front,,,\nfull,PowerEdge R710,,ORD1,C12,29,,,,\n`);
    expect(p.issues).toEqual([{ row: 3, column: "u", message: "U29–U30 of ORD1/C12 front and rear are taken by sw-rear and half-front (row 2)." }]);
  });

  it("frees the units of a device the same file moves away", () => {
    const p = plan(`${HEAD}app-23,,,,,2,,,,\nnew-1,PowerEdge R710,,ORD1,C12,13,,,,\n`);
    expect(p.issues).toEqual([]);
    expect([...p.outcomes]).toEqual([
      [2, "update"],
      [3, "create"],
    ]);
  });

  it("refuses a device that does not fit the cabinet", () => {
    expect(plan(`${HEAD}new-1,PowerEdge R710,,ORD1,C12,42,,,,\n`).issues[0]).toMatchObject({ row: 2, column: "u", message: expect.stringMatching(/^U42–U43 do not fit ORD1\/C12 \(42 U high\)/) });
  });

  it("refuses the wrong kind of model: a sled racked, a server in a bay", () => {
    const p = plan(`${HEAD}sled-1,PowerEdge C6220 sled,,ORD1,C12,5,,,,\nserver-1,PowerEdge R710,,,,,,chassis-c12-u20,1,\n`);
    expect(p.issues).toEqual([
      { row: 2, column: "model", message: expect.stringMatching(/PowerEdge C6220 sled is a sled: it has no U of its own/) },
      { row: 3, column: "model", message: expect.stringMatching(/PowerEdge R710 is a server: only a sled goes in a chassis bay/) },
    ]);
  });

  it("refuses a bay the chassis does not have, or one that is taken", () => {
    const p = plan(`${HEAD}sled-1,PowerEdge C6220 sled,,,,,,chassis-c12-u20,7,\nsled-2,PowerEdge C6220 sled,,,,,,chassis-c12-u20,2,\n`);
    expect(p.issues).toEqual([
      { row: 2, column: "bay", message: "Chassis chassis-c12-u20 (PowerEdge C6220) has bays 1–4: there is no bay 7." },
      { row: 3, column: "bay", message: "Bay 2 of chassis-c12-u20 holds redis-01." },
    ]);
  });

  it("finds a chassis created earlier in the same file", () => {
    const p = plan(`${HEAD}chassis-new,PowerEdge C6220,,ORD1,C13,1,,,,\nsled-new,PowerEdge C6220 sled,,,,,,chassis-new,3,\n`);
    expect(p.issues).toEqual([]);
    expect(p.creates.map((d) => [d.hostname, d.chassis, d.bay])).toEqual([
      ["chassis-new", null, null],
      ["sled-new", "chassis-new", 3],
    ]);
  });

  it("suggests the model a name differs from only in case", () => {
    const p = plan(`${HEAD}a,poweredge r710,,,,,,,,\n`);
    expect(p.issues).toEqual([{ row: 2, column: "model", message: "Model poweredge r710 does not exist; did you mean PowerEdge R710?" }]);
  });

  it("names references that do not exist, and where to add them", () => {
    const p = plan(`${HEAD}a,PowerEdge R710,,ORD1,C99,1,,,,\nb,PowerEdge R999,,,,,,,,\nc,PowerEdge C6220 sled,,,,,,nowhere,1,\nd,PowerEdge R710,,XYZ1,C1,1,,,,\n`);
    expect(p.issues).toEqual([
      { row: 2, column: "cabinet", message: "Cabinet ORD1/C99 does not exist: add it in cabinets.csv first." },
      { row: 3, column: "model", message: "Model PowerEdge R999 does not exist: add it in models.csv first." },
      { row: 4, column: "chassis", message: expect.stringMatching(/^Chassis nowhere does not exist/) },
      { row: 5, column: "site", message: expect.stringMatching(/^Site XYZ1 does not exist/) },
    ]);
  });

  it("checks power against the feeds of the device's cabinet, also when it moves", () => {
    const p = plan(`${HEAD}new-1,PowerEdge R710,,ORD1,C12,1,,,,A;C\napp-23,,,ORD1,C13,1,,,,\n`);
    expect(p.issues).toEqual([
      { row: 2, column: "power", message: "ORD1/C12 has no feed C (it has A and B)." },
      { row: 3, column: "power", message: expect.stringMatching(/^ORD1\/C13 has no feed B \(it has A\); app-23 drew on it in its old cabinet/) },
    ]);
  });

  it("keeps service tags unique without regard to case", () => {
    expect(plan(`${HEAD}new-1,PowerEdge R710,abc1234,,,,,,,\n`).issues).toEqual([
      { row: 2, column: "serial", message: "The service tag abc1234 belongs to app-23: service tags are unique (without regard to case)." },
    ]);
  });

  it("leaves a device unchanged when the row repeats what it is, and keeps what an empty cell does not say", () => {
    const p = plan(`${HEAD}app-23,PowerEdge R710,ABC1234,ORD1,C12,13,front,,,A;B\nredis-01,,,,,,,,,\n`);
    expect(p.issues).toEqual([]);
    expect([...p.outcomes.values()]).toEqual(["unchanged", "unchanged"]);
  });
});
