import { describe, expect, it } from "vitest";
import { buildRackLayout, freeRanges, type RackDeviceInput, type RackSlot } from "./rack-layout";

function device(over: Partial<RackDeviceInput> & Pick<RackDeviceInput, "id" | "hostname" | "uLow">): RackDeviceInput {
  return { uHeight: 1, face: "front", fullDepth: true, kind: "server", ...over };
}

// "hostname U3-U4" for devices, "empty U1-U2" for gaps, with "(other face)" / "*" marks, top to bottom
function outline(slots: RackSlot[]): string[] {
  return slots.map((s) =>
    s.kind === "empty"
      ? `empty U${s.uLow}-U${s.uHigh}`
      : `${s.hostname} U${s.uLow}-U${s.uHigh}${s.fromOtherFace ? " (other face)" : ""}${s.highlighted ? " *" : ""}`,
  );
}

const cabinet = { name: "C12", heightU: 10 };

describe("buildRackLayout", () => {
  it("lists slots from the top down and merges consecutive empty units", () => {
    const layout = buildRackLayout({
      cabinet,
      devices: [
        device({ id: 1, hostname: "app-1", uLow: 2, uHeight: 2 }),
        device({ id: 2, hostname: "tor-a", uLow: 10, kind: "switch" }),
        device({ id: 3, hostname: "app-2", uLow: 5, uHeight: 2 }),
      ],
    });
    expect(outline(layout.faces.front)).toEqual([
      "tor-a U10-U10",
      "empty U7-U9",
      "app-2 U5-U6",
      "empty U4-U4",
      "app-1 U2-U3",
      "empty U1-U1",
    ]);
    expect(layout.occupancy).toEqual({
      usedU: 5,
      freeU: 5,
      percent: 50,
      byFace: { front: { usedU: 5, freeU: 5, percent: 50 }, rear: { usedU: 5, freeU: 5, percent: 50 } },
    });
    expect(layout.problems).toEqual([]);
  });

  it("shows a full-depth front device on the rear face as coming from the other face", () => {
    const layout = buildRackLayout({
      cabinet,
      devices: [device({ id: 1, hostname: "r710-1", uLow: 4, uHeight: 2, fullDepth: true })],
    });
    const front = layout.faces.front.find((s) => s.kind === "device");
    const rear = layout.faces.rear.find((s) => s.kind === "device");
    expect(front).toMatchObject({ deviceId: 1, uLow: 4, uHigh: 5, face: "front", fullDepth: true, fromOtherFace: false });
    expect(rear).toMatchObject({ deviceId: 1, uLow: 4, uHigh: 5, face: "front", fullDepth: true, fromOtherFace: true });
    expect(outline(layout.faces.rear)).toEqual(["empty U6-U10", "r710-1 U4-U5 (other face)", "empty U1-U3"]);
  });

  it("fits a half-depth front device and a half-depth rear device in the same unit", () => {
    const layout = buildRackLayout({
      cabinet,
      devices: [
        device({ id: 1, hostname: "patch-1", uLow: 7, fullDepth: false, face: "front", kind: "other" }),
        device({ id: 2, hostname: "pdu-1", uLow: 7, fullDepth: false, face: "rear", kind: "pdu" }),
      ],
    });
    expect(outline(layout.faces.front)).toEqual(["empty U8-U10", "patch-1 U7-U7", "empty U1-U6"]);
    expect(outline(layout.faces.rear)).toEqual(["empty U8-U10", "pdu-1 U7-U7", "empty U1-U6"]);
    expect(layout.problems).toEqual([]);
    // one unit holds two devices, and counts once
    expect(layout.occupancy.usedU).toBe(1);
    expect(layout.occupancy.byFace.front.usedU).toBe(1);
    expect(layout.occupancy.byFace.rear.usedU).toBe(1);
  });

  it("keeps 0U sleds out of the slots and shows them inside their chassis", () => {
    const layout = buildRackLayout({
      cabinet,
      devices: [
        device({
          id: 1,
          hostname: "c6220-1",
          uLow: 3,
          uHeight: 2,
          kind: "chassis",
          bays: 4,
          bayColumns: 2,
          bayRows: 2,
          sleds: [
            { id: 11, hostname: "db-1", bay: 1 },
            { id: 12, hostname: "db-2", bay: 2 },
          ],
        }),
        device({ id: 11, hostname: "db-1", uLow: 0, uHeight: 0, face: null, kind: "sled" }),
      ],
    });
    expect(outline(layout.faces.front)).toEqual(["empty U5-U10", "c6220-1 U3-U4", "empty U1-U2"]);
    const chassis = layout.faces.front[1];
    expect(chassis?.kind === "device" && chassis.sleds).toEqual([
      { id: 11, hostname: "db-1", bay: 1, highlighted: false },
      { id: 12, hostname: "db-2", bay: 2, highlighted: false },
    ]);
    expect(chassis?.kind === "device" && chassis.chassis?.cells.map((c) => c.sled?.hostname ?? null)).toEqual([
      "db-1",
      "db-2",
      null,
      null,
    ]);
    expect(layout.problems).toEqual([]);
  });

  it("highlights a device on both faces it shows on", () => {
    const layout = buildRackLayout({
      cabinet,
      devices: [device({ id: 1, hostname: "app-1", uLow: 2 }), device({ id: 2, hostname: "app-2", uLow: 4 })],
      highlight: { deviceIds: [2] },
    });
    expect(outline(layout.faces.front)).toEqual(["empty U5-U10", "app-2 U4-U4 *", "empty U3-U3", "app-1 U2-U2", "empty U1-U1"]);
    expect(outline(layout.faces.rear)).toEqual([
      "empty U5-U10",
      "app-2 U4-U4 (other face) *",
      "empty U3-U3",
      "app-1 U2-U2 (other face)",
      "empty U1-U1",
    ]);
  });

  it("highlights a sled's chassis and marks the sled", () => {
    const layout = buildRackLayout({
      cabinet,
      devices: [
        device({
          id: 1,
          hostname: "c5000-1",
          uLow: 6,
          uHeight: 3,
          kind: "chassis",
          bays: 8,
          bayColumns: 8,
          bayRows: 1,
          sleds: [
            { id: 21, hostname: "bc-app-1", bay: 1 },
            { id: 26, hostname: "bc-app-6", bay: 6 },
          ],
        }),
        device({ id: 2, hostname: "r710-1", uLow: 1, uHeight: 2 }),
      ],
      highlight: { deviceIds: [26] },
    });
    const [, chassis, , server] = layout.faces.front;
    expect(chassis).toMatchObject({ kind: "device", deviceId: 1, highlighted: true });
    expect(chassis?.kind === "device" && chassis.sleds.map((s) => [s.hostname, s.highlighted])).toEqual([
      ["bc-app-1", false],
      ["bc-app-6", true],
    ]);
    expect(chassis?.kind === "device" && chassis.chassis?.cells.filter((c) => c.highlighted).map((c) => c.bay)).toEqual([6]);
    expect(server).toMatchObject({ kind: "device", deviceId: 2, highlighted: false });
  });

  it("flags a device past the top and draws only the part inside the cabinet", () => {
    const layout = buildRackLayout({
      cabinet,
      devices: [device({ id: 1, hostname: "app-9", uLow: 9, uHeight: 3 })],
    });
    expect(layout.problems).toEqual([
      {
        deviceId: 1,
        hostname: "app-9",
        code: "out_of_range",
        message: "app-9 is placed at U9–U11 of C12, which is only 10 U high; only U9–U10 is drawn.",
      },
    ]);
    expect(outline(layout.faces.front)).toEqual(["app-9 U9-U10", "empty U1-U8"]);
    expect(layout.faces.front[0]).toMatchObject({ clipped: true });
  });

  it("flags a device wholly outside the cabinet and leaves it out", () => {
    const layout = buildRackLayout({
      cabinet,
      devices: [device({ id: 1, hostname: "ghost", uLow: 12, uHeight: 2 }), device({ id: 2, hostname: "low", uLow: 0 })],
    });
    expect(layout.problems.map((p) => [p.code, p.message])).toEqual([
      ["out_of_range", "ghost is placed at U12–U13 of C12, which is only 10 U high; it is not drawn."],
      ["out_of_range", "low is placed at U0 of C12, whose lowest unit is U1; it is not drawn."],
    ]);
    expect(outline(layout.faces.front)).toEqual(["empty U1-U10"]);
    expect(layout.occupancy.usedU).toBe(0);
  });

  it("flags an overlap on the same face and keeps the device listed first", () => {
    const layout = buildRackLayout({
      cabinet,
      devices: [
        device({ id: 1, hostname: "db-1", uLow: 4, uHeight: 2 }),
        device({ id: 2, hostname: "web-3", uLow: 5, uHeight: 2 }),
      ],
    });
    expect(layout.problems).toEqual([
      {
        deviceId: 2,
        hostname: "web-3",
        code: "overlap",
        message: "web-3 is placed at U5–U6 of C12 (front, full depth), but db-1 holds U5; it is not drawn.",
      },
    ]);
    expect(outline(layout.faces.front)).toEqual(["empty U6-U10", "db-1 U4-U5", "empty U1-U3"]);
    expect(outline(layout.faces.rear)).toEqual(["empty U6-U10", "db-1 U4-U5 (other face)", "empty U1-U3"]);
  });

  it("flags a half-depth rear device in a unit a full-depth front device blocks", () => {
    const layout = buildRackLayout({
      cabinet,
      devices: [
        device({ id: 1, hostname: "r710-1", uLow: 3, uHeight: 2, fullDepth: true }),
        device({ id: 2, hostname: "pdu-1", uLow: 4, face: "rear", fullDepth: false, kind: "pdu" }),
      ],
    });
    expect(layout.problems.map((p) => p.message)).toEqual([
      "pdu-1 is placed at U4 of C12 (rear), but r710-1 holds U4 on the rear; it is not drawn.",
    ]);
    expect(outline(layout.faces.rear)).toEqual(["empty U5-U10", "r710-1 U3-U4 (other face)", "empty U1-U2"]);
  });

  it("reports a sled in a bay its chassis does not have", () => {
    const layout = buildRackLayout({
      cabinet,
      devices: [
        device({
          id: 1,
          hostname: "c6220-1",
          uLow: 1,
          uHeight: 2,
          kind: "chassis",
          bays: 4,
          bayColumns: 2,
          bayRows: 2,
          sleds: [{ id: 15, hostname: "db-5", bay: 5 }],
        }),
      ],
    });
    expect(layout.problems).toEqual([
      { deviceId: 15, hostname: "db-5", code: "sled_bay", message: "db-5 is in bay 5 of chassis c6220-1, which has bays 1–4." },
    ]);
  });

  it("flags a racked device without a face rather than guessing one", () => {
    const layout = buildRackLayout({ cabinet, devices: [device({ id: 1, hostname: "odd", uLow: 2, face: null })] });
    expect(layout.problems.map((p) => [p.code, p.message])).toEqual([
      ["no_face", "odd is placed at U2 of C12 but has no face (front or rear) recorded; it is not drawn."],
    ]);
    expect(outline(layout.faces.front)).toEqual(["empty U1-U10"]);
  });
});

describe("freeRanges", () => {
  const layout = buildRackLayout({
    cabinet,
    devices: [
      device({ id: 1, hostname: "tor-a", uLow: 10, kind: "switch" }),
      device({ id: 2, hostname: "patch", uLow: 8, face: "front", fullDepth: false }),
      device({ id: 3, hostname: "pdu", uLow: 5, uHeight: 2, face: "rear", fullDepth: false }),
    ],
  });

  it("lists a face's free runs from the top with their size", () => {
    expect(freeRanges(layout, "front")).toEqual([
      { uLow: 9, uHigh: 9, sizeU: 1 },
      { uLow: 1, uHigh: 7, sizeU: 7 },
    ]);
    expect(freeRanges(layout, "rear")).toEqual([
      { uLow: 7, uHigh: 9, sizeU: 3 },
      { uLow: 1, uHigh: 4, sizeU: 4 },
    ]);
  });

  it("lists units free on both faces, for a full-depth device", () => {
    expect(freeRanges(layout, "both")).toEqual([
      { uLow: 9, uHigh: 9, sizeU: 1 },
      { uLow: 7, uHigh: 7, sizeU: 1 },
      { uLow: 1, uHigh: 4, sizeU: 4 },
    ]);
  });
});
