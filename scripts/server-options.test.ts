import { describe, expect, it } from "vitest";
import { SEMI_SPACE_MB, serverNodeOptions } from "./server-options";

describe("serverNodeOptions", () => {
  it("adds the larger young generation to no options or to other options", () => {
    expect(serverNodeOptions(undefined)).toBe(`--max-semi-space-size=${SEMI_SPACE_MB}`);
    expect(serverNodeOptions(" --enable-source-maps ")).toBe(`--enable-source-maps --max-semi-space-size=${SEMI_SPACE_MB}`);
  });

  it("keeps an operator's own semi-space size", () => {
    expect(serverNodeOptions("--max-semi-space-size=16")).toBe("--max-semi-space-size=16");
  });
});
