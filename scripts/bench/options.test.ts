import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "./options";

describe("parseBenchArgs", () => {
  it("runs the full size by default", () => {
    const options = parseBenchArgs([]);
    expect(options).toMatchObject({ profile: "full", devices: 100_000, importDevices: 10_000, connections: 10, build: true, allowRestart: false });
    expect(options.out).toBe("bench/results.json");
  });

  it("takes --quick and --devices", () => {
    expect(parseBenchArgs(["--quick"])).toMatchObject({ profile: "quick", devices: 5_000 });
    expect(parseBenchArgs(["--devices", "20000"])).toMatchObject({ profile: "full", devices: 20_000, importDevices: 10_000 });
  });

  it("never imports more devices than it generates", () => {
    expect(parseBenchArgs(["--tiny", "--devices", "60"]).importDevices).toBe(60);
  });

  it("reads the restart and build switches", () => {
    const options = parseBenchArgs(["--tiny", "--allow-restart", "--restart-command", "systemctl restart postgresql", "--no-build"]);
    expect(options).toMatchObject({ allowRestart: true, restartCommand: "systemctl restart postgresql", build: false });
  });

  it("refuses what it does not know", () => {
    expect(() => parseBenchArgs(["--devices"])).toThrow(/needs a value/);
    expect(() => parseBenchArgs(["--devices", "many"])).toThrow(/whole number/);
    expect(() => parseBenchArgs(["--fast"])).toThrow(/unknown option --fast/);
    expect(() => parseBenchArgs(["--quick", "--tiny"])).toThrow(/two sizes/);
  });
});
