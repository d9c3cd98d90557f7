import { describe, expect, it } from "vitest";
import { cabinetFindings } from "./cabinet-findings";
import { snapshotBuilder } from "./test-snapshot";

describe("cabinetFindings", () => {
  it("flags a cabinet whose feeds all come from one source, and nothing else", () => {
    const index = snapshotBuilder()
      .cabinet("ORD1/A01", { feeds: { A: "UPS-1", B: "UPS-2" } })
      .cabinet("ORD1/A02", { feeds: { A: "UPS-1", B: "UPS-1" } })
      .cabinet("ORD1/A03", { feeds: { A: "UPS-1" } })
      .cabinet("ORD1/A04", { feeds: { A: null, B: null } })
      .server("web-1", { cabinet: "ORD1/A02" })
      .index();
    expect(cabinetFindings(index)).toEqual([
      {
        cabinetId: index.snapshot.cabinets[1]!.id,
        cabinet: "ORD1/A02",
        kind: "cabinet_single_source",
        message: "feeds A, B of ORD1/A02 all come from ORD1/UPS-1: that one source takes the whole cabinet down",
        sourceRef: "power_source:ORD1/UPS-1",
        devices: 1,
      },
    ]);
  });
});
