import { describe, expect, it } from "vitest";
import { blockersOf, freeStarts, takenSentence, unitHolders, type Occupant } from "./rack-units";

const app23: Occupant = { id: 1, hostname: "app-23", uLow: 13, uHigh: 14, face: "front", fullDepth: true };
const patch: Occupant = { id: 2, hostname: "patch-1", uLow: 20, uHigh: 20, face: "rear", fullDepth: false };

describe("rack units", () => {
  it("names the occupant of a taken range", () => {
    const wanted = { uLow: 12, uHigh: 14, face: "front" as const, fullDepth: true };
    const blockers = blockersOf([app23, patch], wanted);
    expect(blockers.map((b) => b.hostname)).toEqual(["app-23"]);
    expect(takenSentence("C12", wanted, blockers)).toBe("U12–U14 of C12 front are taken by app-23.");
  });

  it("lets half-depth devices share a unit on opposite faces, but not a full-depth one", () => {
    expect(blockersOf([patch], { uLow: 20, uHigh: 20, face: "front", fullDepth: false })).toEqual([]);
    const full = { uLow: 19, uHigh: 20, face: "front" as const, fullDepth: true };
    expect(takenSentence("C12", full, blockersOf([patch], full))).toBe("U19–U20 of C12 rear are taken by patch-1.");
  });

  it("does not count the device being moved against itself", () => {
    expect(blockersOf([app23], { uLow: 14, uHigh: 15, face: "front", fullDepth: true }, app23.id)).toEqual([]);
  });

  it("lists the free starting units for a device's height", () => {
    expect(freeStarts([app23], 16, { heightU: 2, face: "front", fullDepth: true })).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15]);
    const rear = unitHolders([app23, patch], 20, "rear");
    expect(rear[0]).toEqual({ u: 20, holder: patch });
    expect(rear.find((r) => r.u === 13)?.holder?.hostname).toBe("app-23");
    expect(rear.find((r) => r.u === 12)?.holder).toBeNull();
  });
});
