import { describe, expect, it } from "vitest";
import { servicesTable } from "@/lib/domain/tables/services";
import { devicesTable } from "@/lib/domain/tables/devices";
import { parseTableState } from "@/lib/domain/tables/url-state";
import { exportHref, tableHref } from "./table-href";

describe("tableHref", () => {
  it("keeps the cursor only for a page turn", () => {
    expect(onPage2().after).toEqual({ value: "12", id: 40 });
    expect(tableHref("/devices", devicesTable, onPage2(), { dir: "desc" })).toBe("/devices?sort=u&dir=desc&f.cabinet=A01");
    expect(tableHref("/devices", devicesTable, onPage2(), { after: { value: "20", id: 41 } })).toMatch(/^\/devices\?sort=u&dir=asc&f\.cabinet=A01&after=[\w-]+$/);
    expect(tableHref("/devices", devicesTable, parseTableState(devicesTable, {}))).toBe("/devices");
  });

  it("keeps the page's own parameters", () => {
    const state = parseTableState(servicesTable, { view: "table" });
    expect(tableHref("/services", servicesTable, state, { q: "db" }, { view: "table" })).toBe("/services?view=table&q=db");
  });
});

describe("exportHref", () => {
  it("exports the view's filters, sort and columns, not its page", () => {
    expect(exportHref(devicesTable, { ...onPage2(), size: 25 }, ["hostname", "u"])).toBe(
      "/api/v1/tables/devices/export?sort=u&dir=asc&f.cabinet=A01&cols=hostname%2Cu",
    );
  });
});

// the second page of devices in A01 by U: after the row at U12 with id 40
function onPage2() {
  return parseTableState(devicesTable, new URLSearchParams("f.cabinet=A01&sort=u&dir=asc&after=WyIxMiIsNDBd"));
}
