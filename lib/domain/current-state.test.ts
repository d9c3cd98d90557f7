import { describe, expect, it } from "vitest";
import { currentImpact, devicesDownNow } from "./current-state";
import { snapshotBuilder } from "./test-snapshot";

describe("currentImpact", () => {
  it("counts members recorded failed or offline as down, and what a failed switch takes with it", () => {
    const index = snapshotBuilder()
      .cabinet("ORD1/A01", { feeds: { A: "UPS-1", B: "UPS-2" } })
      .switch("tor-a", { cabinet: "ORD1/A01", status: "failed" })
      .switch("tor-b", { cabinet: "ORD1/A01" })
      .server("db-1", { cabinet: "ORD1/A01", legs: ["tor-a", "tor-b"] })
      .server("db-2", { cabinet: "ORD1/A01", legs: ["tor-a"] })
      .server("web-1", { cabinet: "ORD1/A01", status: "offline" })
      .server("web-2", { cabinet: "ORD1/A01", status: "decommissioning" })
      .service("db", ["db-1", "db-2"])
      .service("web", ["web-1", "web-2"], 2)
      .index();
    expect(devicesDownNow(index).map((d) => d.ref)).toEqual(["device:tor-a", "device:web-1"]);
    const states = Object.fromEntries(currentImpact(index).services.map((s) => [s.name, [s.state, s.up]]));
    expect(states).toEqual({ db: ["at_risk", 1], web: ["outage", 1] });
  });

  it("is all ok when every device is active", () => {
    const index = snapshotBuilder().cabinet("ORD1/A01").server("a", { cabinet: "ORD1/A01" }).service("s", ["a"]).index();
    expect(currentImpact(index).services.map((s) => s.state)).toEqual(["ok"]);
  });
});
