import { describe, expect, it } from "vitest";
import { auditChange } from "./audit-diff";

describe("auditChange", () => {
  it("records only the fields an update changed", () => {
    expect(auditChange({ hostname: "app-01", uLow: 10, role: "app" }, { hostname: "app-01", uLow: 12, role: "app" })).toEqual({
      before: { uLow: 10 },
      after: { uLow: 12 },
    });
  });

  it("records nothing for an update that changes nothing, bookkeeping aside", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(auditChange({ hostname: "a", version: 1, updatedAt: at }, { hostname: "a", version: 2, updatedAt: new Date() })).toBeNull();
  });

  it("keeps the new values of a create and the old values of a delete", () => {
    expect(auditChange(null, { hostname: "a", version: 1 })).toEqual({ before: null, after: { hostname: "a" } });
    expect(auditChange({ hostname: "a" }, null)).toEqual({ before: { hostname: "a" }, after: null });
  });

  it("compares dates and nested values by value", () => {
    expect(auditChange({ at: new Date("2026-01-01T00:00:00Z"), feeds: ["A", "B"] }, { at: new Date("2026-01-01T00:00:00Z"), feeds: ["A", "B"] })).toBeNull();
    expect(auditChange({ feeds: ["A", "B"] }, { feeds: ["A"] })).toEqual({ before: { feeds: ["A", "B"] }, after: { feeds: ["A"] } });
  });

  it("treats a field that appears or disappears as a change", () => {
    expect(auditChange({ serial: null }, { serial: "ABC1234" })).toEqual({ before: { serial: null }, after: { serial: "ABC1234" } });
  });
});
