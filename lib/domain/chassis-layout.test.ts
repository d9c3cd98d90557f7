import { describe, expect, it } from "vitest";
import { buildChassisLayout } from "./chassis-layout";

const positions = (layout: ReturnType<typeof buildChassisLayout>) =>
  layout.cells.map((c) => ({ bay: c.bay, column: c.column, row: c.row }));

describe("buildChassisLayout", () => {
  it("numbers a 2x2 chassis row by row from the top left", () => {
    const layout = buildChassisLayout({ bays: 4, bayColumns: 2, bayRows: 2, sleds: [] });
    expect(layout.columns).toBe(2);
    expect(layout.rows).toBe(2);
    expect(positions(layout)).toEqual([
      { bay: 1, column: 1, row: 1 },
      { bay: 2, column: 2, row: 1 },
      { bay: 3, column: 1, row: 2 },
      { bay: 4, column: 2, row: 2 },
    ]);
  });

  it("puts each sled where it sits and marks the highlighted one (C6220, 2x2)", () => {
    const layout = buildChassisLayout({
      bays: 4,
      bayColumns: 2,
      bayRows: 2,
      sleds: [
        { id: 13, hostname: "db-3", bay: 3 },
        { id: 11, hostname: "db-1", bay: 1 },
      ],
      highlightDeviceIds: [13],
    });
    expect(layout.cells).toEqual([
      { bay: 1, column: 1, row: 1, sled: { id: 11, hostname: "db-1" }, highlighted: false, missing: false },
      { bay: 2, column: 2, row: 1, highlighted: false, missing: false },
      { bay: 3, column: 1, row: 2, sled: { id: 13, hostname: "db-3" }, highlighted: true, missing: false },
      { bay: 4, column: 2, row: 2, highlighted: false, missing: false },
    ]);
    expect(layout.problems).toEqual([]);
  });

  it("lays a C5000 out as 8 bays in one row", () => {
    const sleds = Array.from({ length: 8 }, (_, i) => ({ id: 100 + i, hostname: `bc-app-${i + 1}`, bay: i + 1 }));
    const layout = buildChassisLayout({ bays: 8, bayColumns: 8, bayRows: 1, sleds, highlightDeviceIds: [105] });
    expect([layout.columns, layout.rows]).toEqual([8, 1]);
    expect(layout.cells.map((c) => [c.bay, c.column, c.row, c.sled?.hostname])).toEqual([
      [1, 1, 1, "bc-app-1"],
      [2, 2, 1, "bc-app-2"],
      [3, 3, 1, "bc-app-3"],
      [4, 4, 1, "bc-app-4"],
      [5, 5, 1, "bc-app-5"],
      [6, 6, 1, "bc-app-6"],
      [7, 7, 1, "bc-app-7"],
      [8, 8, 1, "bc-app-8"],
    ]);
    expect(layout.cells.filter((c) => c.highlighted).map((c) => c.bay)).toEqual([6]);
  });

  it("falls back to one row of all bays when the model has no layout", () => {
    const layout = buildChassisLayout({ bays: 3, bayColumns: null, bayRows: null, sleds: [] });
    expect([layout.columns, layout.rows]).toEqual([3, 1]);
    expect(positions(layout)).toEqual([
      { bay: 1, column: 1, row: 1 },
      { bay: 2, column: 2, row: 1 },
      { bay: 3, column: 3, row: 1 },
    ]);
  });

  it("marks grid positions beyond the model's bays as missing", () => {
    const layout = buildChassisLayout({ bays: 3, bayColumns: 2, bayRows: 2, sleds: [] });
    expect(layout.cells.map((c) => [c.bay, c.missing])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
  });

  it("reports a sled in a bay the chassis does not have and leaves it out of the grid", () => {
    const layout = buildChassisLayout({
      bays: 4,
      bayColumns: 2,
      bayRows: 2,
      hostname: "c6220-2",
      sleds: [
        { id: 1, hostname: "db-1", bay: 1 },
        { id: 9, hostname: "db-9", bay: 5 },
        { id: 7, hostname: "db-7", bay: null },
      ],
    });
    expect(layout.cells.flatMap((c) => (c.sled ? [c.sled.hostname] : []))).toEqual(["db-1"]);
    expect(layout.problems).toEqual([
      { deviceId: 9, hostname: "db-9", message: "db-9 is in bay 5 of chassis c6220-2, which has bays 1–4." },
      { deviceId: 7, hostname: "db-7", message: "db-7 is in chassis c6220-2 but has no bay recorded." },
    ]);
  });

  it("reports a second sled in a taken bay instead of hiding the first", () => {
    const layout = buildChassisLayout({
      bays: 2,
      sleds: [
        { id: 1, hostname: "a", bay: 2 },
        { id: 2, hostname: "b", bay: 2 },
      ],
    });
    expect(layout.cells[1]?.sled).toEqual({ id: 1, hostname: "a" });
    expect(layout.problems.map((p) => p.message)).toEqual(["b is in bay 2 of its chassis, which a already fills."]);
  });

  it("grows a layout that is too small for the bay count rather than losing bays", () => {
    const layout = buildChassisLayout({ bays: 6, bayColumns: 2, bayRows: 2, sleds: [{ id: 6, hostname: "s6", bay: 6 }] });
    expect([layout.columns, layout.rows]).toEqual([2, 3]);
    expect(layout.cells[5]).toEqual({ bay: 6, column: 2, row: 3, sled: { id: 6, hostname: "s6" }, highlighted: false, missing: false });
    expect(layout.problems).toEqual([]);
  });

  it("has no cells for a model without bays and reports any sled in it", () => {
    const layout = buildChassisLayout({ bays: 0, sleds: [{ id: 3, hostname: "lost", bay: 1 }], hostname: "r710-1" });
    expect(layout.cells).toEqual([]);
    expect(layout.problems.map((p) => p.message)).toEqual(["lost is in bay 1 of chassis r710-1, which has no bays."]);
  });
});
