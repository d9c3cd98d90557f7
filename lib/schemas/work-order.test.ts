import { describe, expect, it } from "vitest";
import { hostsFromParam } from "./work-order";

describe("hostsFromParam", () => {
  it("reads comma-separated hostnames and repeated parameters, in order, without repeats or blanks", () => {
    expect(hostsFromParam("app-01,redis-01, ,app-01")).toEqual(["app-01", "redis-01"]);
    expect(hostsFromParam(["db-master-01", "app-07,app-01"])).toEqual(["db-master-01", "app-07", "app-01"]);
    expect(hostsFromParam(undefined)).toEqual([]);
    expect(hostsFromParam("")).toEqual([]);
  });

  it("stops at the most items a work order may have", () => {
    const many = Array.from({ length: 1200 }, (_, i) => `h-${i}`).join(",");
    expect(hostsFromParam(many)).toHaveLength(1000);
  });
});
