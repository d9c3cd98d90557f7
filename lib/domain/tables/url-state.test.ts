import { describe, expect, it } from "vitest";
import { devicesTable } from "./devices";
import { decodeCursor, encodeCursor, parseFilter, parseTableState, tableStateToParams, DEFAULT_PAGE_SIZE } from "./url-state";
import { columnOf } from "./types";

const column = (id: string) => columnOf(devicesTable, id)!;

describe("cursors", () => {
  it("round-trip a value and id, unicode and empty values included", () => {
    for (const cursor of [{ value: "app-07", id: 12 }, { value: null, id: 1 }, { value: "Zürich ✓", id: 2 ** 31 - 1 }, { value: "", id: 3 }]) {
      const encoded = encodeCursor(cursor);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(encoded)).toEqual(cursor);
    }
  });

  it("refuse anything else", () => {
    for (const raw of ["", "not base64!", encodeCursor({ value: "x", id: 1 }).slice(0, -3), btoa("[1,2]"), btoa('["x",1.5]'), btoa('{"a":1}')]) {
      expect(decodeCursor(raw)).toBeNull();
    }
  });
});

describe("parseTableState", () => {
  it("defaults to the spec's sort, its default page size and no filters", () => {
    expect(parseTableState(devicesTable, {})).toEqual({
      sort: "hostname",
      dir: "asc",
      filters: {},
      q: "",
      cols: null,
      size: DEFAULT_PAGE_SIZE,
      after: null,
      before: null,
    });
  });

  it("reads sort, filters, quick filter, columns, size and cursor from the URL", () => {
    const after = encodeCursor({ value: "12", id: 40 });
    const state = parseTableState(
      devicesTable,
      new URLSearchParams({ sort: "u", dir: "desc", "f.cabinet": "A01", "f.role": "app", q: " redis ", cols: "u,hostname,role", size: "25", after }),
    );
    expect(state).toEqual({
      sort: "u",
      dir: "desc",
      filters: { cabinet: "A01", role: "app" },
      q: "redis",
      cols: ["u", "hostname", "role"],
      size: 25,
      after: { value: "12", id: 40 },
      before: null,
    });
  });

  it("drops unknown columns, bad filters, odd page sizes and a bad direction", () => {
    const state = parseTableState(devicesTable, {
      sort: "password",
      dir: "sideways",
      "f.nope": "x",
      "f.u": "twelve",
      "f.status": "exploded",
      cols: "nope,hostname,hostname",
      size: "100000",
    });
    expect(state.sort).toBe("hostname");
    expect(state.dir).toBe("asc");
    expect(state.filters).toEqual({});
    expect(state.cols).toEqual(["hostname"]);
    expect(state.size).toBe(DEFAULT_PAGE_SIZE);
  });

  it("writes back the same URL it read, leaving defaults out", () => {
    const url = "sort=u&dir=asc&f.role=app&f.cabinet=A01&q=db&cols=hostname%2Cu&size=50";
    const params = tableStateToParams(devicesTable, parseTableState(devicesTable, new URLSearchParams(url)));
    expect(Object.fromEntries(params)).toEqual(Object.fromEntries(new URLSearchParams(url)));
    expect(tableStateToParams(devicesTable, parseTableState(devicesTable, {})).toString()).toBe("");
  });
});

describe("parseFilter", () => {
  it("reads text as contains, or exact after =", () => {
    expect(parseFilter(column("hostname"), "app")).toEqual({ kind: "contains", value: "app" });
    expect(parseFilter(column("hostname"), "=app-07")).toEqual({ kind: "equals", value: "app-07" });
    expect(parseFilter(column("hostname"), "(empty)")).toEqual({ kind: "empty" });
  });

  it("reads numbers as comparisons and ranges", () => {
    expect(parseFilter(column("u"), "12")).toEqual({ kind: "compare", op: "=", value: 12 });
    expect(parseFilter(column("u"), ">= 10")).toEqual({ kind: "compare", op: ">=", value: 10 });
    expect(parseFilter(column("u"), "10..20")).toEqual({ kind: "range", min: 10, max: 20 });
    expect(parseFilter(column("u"), "20..10")).toBeNull();
    expect(parseFilter(column("u"), "1; DROP TABLE device")).toBeNull();
  });

  it("keeps only an enum's own values", () => {
    expect(parseFilter(column("status"), "active,failed,bogus")).toEqual({ kind: "in", values: ["active", "failed"] });
    expect(parseFilter(column("status"), "bogus")).toBeNull();
  });

  it("reads an address prefix or a network, nothing else", () => {
    expect(parseFilter(column("primaryIp"), "10.1.")).toEqual({ kind: "ipPrefix", value: "10.1." });
    expect(parseFilter(column("primaryIp"), "10.1.0.0/16")).toEqual({ kind: "ipWithin", network: "10.1.0.0/16" });
    expect(parseFilter(column("primaryIp"), "999.1.0.0/16")).toBeNull();
    expect(parseFilter(column("primaryIp"), "10.1.0.0/40")).toBeNull();
    expect(parseFilter(column("primaryIp"), "' OR 1=1")).toBeNull();
    expect(parseFilter(column("primaryIp"), "fd00::/8")).toEqual({ kind: "ipWithin", network: "fd00::/8" });
    expect(parseFilter(column("primaryIp"), "1:2:3:4:5:6:7:8:9/64")).toBeNull();
    expect(parseFilter(column("primaryIp"), "1::2::3/64")).toBeNull();
  });
});
