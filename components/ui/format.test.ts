import { describe, expect, it } from "vitest";
import { formatSpeed } from "./format";

describe("formatSpeed", () => {
  it("says link speeds the way ops do, and odd ones in Mbps", () => {
    expect([1000, 10000, 25000, 100000, 100, 2500, null].map(formatSpeed)).toEqual(["1G", "10G", "25G", "100G", "100M", "2,500 Mbps", "—"]);
  });
});
