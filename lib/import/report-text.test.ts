import { describe, expect, it } from "vitest";
import { formatImportReport } from "./report-text";
import type { ImportReport } from "./types";

const base: ImportReport = { ok: true, kind: "cabinets", dryRun: false, created: 2, updated: 1, unchanged: 5, alsoCreated: [], errors: [], rows: 8, batchId: "b-1", seconds: 0.2 };

describe("the CLI's import summary", () => {
  it("says what was done, what was created on the side, and where the audit entries are", () => {
    expect(formatImportReport({ ...base, alsoCreated: [{ type: "power_source", key: "IAD9/UPS-1" }] }, "cabinets.csv").split("\n")).toEqual([
      "cabinets.csv: imported cabinets: 2 created, 1 updated, 5 unchanged (8 rows, 0.2 s).",
      "Also created: power source IAD9/UPS-1",
      "Audit log: /audit?batchId=b-1",
    ]);
  });

  it("lists every problem on a line of its own, and says nothing was written", () => {
    const report: ImportReport = {
      ...base,
      ok: false,
      batchId: null,
      errors: [
        { row: 1, column: "colour", message: 'Unknown column "colour".' },
        { row: 7, column: "u", message: "U12–U14 of ORD1/C12 front are taken by app-23." },
        { row: null, column: null, message: "The file is too large." },
      ],
    };
    expect(formatImportReport(report, "devices.csv").split("\n")).toEqual([
      "devices.csv: 3 problems; nothing was written. Without them: 2 created, 1 updated, 5 unchanged.",
      'row 1, colour: Unknown column "colour".',
      "row 7, u: U12–U14 of ORD1/C12 front are taken by app-23.",
      "file: The file is too large.",
    ]);
  });
});
