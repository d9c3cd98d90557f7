import { describe, expect, it } from "vitest";
import { detectDelimiter, firstInvalidUtf8Byte, importMaxBytes, readCsvBytes, readCsvText } from "./csv-read";
import { guardCell, stripGuard } from "./guard";

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

describe("readCsvText", () => {
  it("reads RFC 4180: quoted commas, doubled quotes, newlines in a cell, CRLF, a BOM", () => {
    const { file, issues } = readCsvText('\uFEFFhostname,notes\r\napp-01,"rack A, shelf 2"\r\napp-02,"says ""hi""\nand more"\r\n');
    expect(issues).toEqual([]);
    expect(file!.header).toEqual(["hostname", "notes"]);
    expect(file!.records).toEqual([
      { row: 2, cells: ["app-01", "rack A, shelf 2"] },
      { row: 3, cells: ["app-02", 'says "hi"\nand more'] },
    ]);
  });

  it("numbers rows as a spreadsheet does: a multi-line cell is one row, blank lines count but are no data", () => {
    const { file } = readCsvText('hostname,notes\napp-01,"two\nlines"\n\n,\napp-02,x\n');
    expect(file!.records.map((r) => r.row)).toEqual([2, 5]);
  });

  it("trims cells and removes the CSV-injection prefix export adds", () => {
    const { file } = readCsvText("hostname,notes\n app-01 ,'=SUM(A1)\napp-02,'plain\n");
    expect(file!.records.map((r) => r.cells)).toEqual([
      ["app-01", "=SUM(A1)"],
      ["app-02", "'plain"],
    ]);
  });

  it("reports a quote left open on the row where it opens, with its column", () => {
    const { file, issues } = readCsvText('hostname,notes\napp-01,fine\napp-02,"never closed\napp-03,x\n');
    expect(file).toBeNull();
    expect(issues).toEqual([{ row: 3, column: "notes", message: expect.stringMatching(/opens on row 3 and is never closed/) }]);
  });

  it("names the delimiter when it is not a comma", () => {
    expect(readCsvText("hostname;model;u\napp-01;R710;4\n").issues).toEqual([
      { row: 1, column: null, message: expect.stringMatching(/separated by semicolons, not commas/) },
    ]);
    expect(readCsvText("hostname\tmodel\napp-01\tR710\n").issues[0]!.message).toMatch(/separated by tabs/);
    expect(detectDelimiter("model")).toBe(",");
    expect(detectDelimiter('"a;b",c')).toBe(",");
  });

  it("refuses an empty file", () => {
    expect(readCsvText(" \n").issues[0]).toMatchObject({ row: 1, message: expect.stringMatching(/empty/) });
  });
});

describe("readCsvBytes", () => {
  it("reports bytes that are not UTF-8 on the row that holds the first one, with its column", () => {
    const latin1 = bytes("hostname,notes\napp-01,ok\napp-02,caf", [0xe9], "\napp-03,", [0xe9], "\n");
    const { file, issues } = readCsvBytes(latin1);
    expect(file).toBeNull();
    expect(issues).toEqual([{ row: 3, column: "notes", message: expect.stringMatching(/not UTF-8 text: byte 0xE9 on row 3/) }]);
  });

  it("places the bad byte by record, even after a cell spanning lines", () => {
    const { issues } = readCsvBytes(bytes('hostname,notes\napp-01,"a\nb\nc"\napp-02,', [0xff], "\n"));
    expect(issues[0]).toMatchObject({ row: 3, column: "notes" });
  });

  it("finds the first invalid UTF-8 sequence", () => {
    expect(firstInvalidUtf8Byte(bytes("ok é ", [0xc3]))).toBe(6);
    expect(firstInvalidUtf8Byte(bytes("ok", [0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8Byte(bytes("ok ✓"))).toBe(-1);
  });

  it("refuses binary content, UTF-16 and spreadsheets", () => {
    expect(readCsvBytes(bytes("hostname\napp-01\n", [0, 1, 2], "\n")).issues[0]).toMatchObject({ row: 3, message: expect.stringMatching(/binary/) });
    expect(readCsvBytes(bytes([0xff, 0xfe], "h\0o\0")).issues[0]!.message).toMatch(/UTF-16/);
    expect(readCsvBytes(bytes([0x50, 0x4b, 0x03, 0x04, 0, 0])).issues[0]!.message).toMatch(/Excel workbook/);
  });

  it("refuses a file over the size limit, naming the limit", () => {
    const { issues } = readCsvBytes(bytes("hostname\n", "a".repeat(2000)), { maxBytes: 1024 });
    expect(issues).toEqual([{ row: null, column: null, message: expect.stringMatching(/too large \(2 KB\).*at most 1 KB.*RACKMAP_IMPORT_MAX_BYTES/) }]);
  });

  it("takes its default limit from RACKMAP_IMPORT_MAX_BYTES", () => {
    expect(importMaxBytes({})).toBe(50 * 1024 * 1024);
    expect(importMaxBytes({ RACKMAP_IMPORT_MAX_BYTES: "1000" })).toBe(1000);
    expect(importMaxBytes({ RACKMAP_IMPORT_MAX_BYTES: "lots" })).toBe(50 * 1024 * 1024);
  });
});

describe("the CSV-injection guard", () => {
  it("prefixes cells a spreadsheet would run, and import takes the prefix off again", () => {
    for (const cell of ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"]) {
      expect(guardCell(cell)).toBe(`'${cell}`);
      expect(stripGuard(guardCell(cell))).toBe(cell);
    }
    expect(guardCell("app-01")).toBe("app-01");
    expect(stripGuard("'quoted")).toBe("'quoted");
  });
});
