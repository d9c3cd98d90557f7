import { describe, expect, it } from "vitest";
import { connectWithRetry, isConnectError } from "./pool";

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const startingUp = Object.assign(new Error("the database system is starting up"), { code: "57P03" });
const noSleep = async () => {};

describe("connecting while the database restarts", () => {
  it("tries again until the database answers", async () => {
    const failures = [refused, startingUp];
    let calls = 0;
    const client = await connectWithRetry(
      async () => {
        calls++;
        const failure = failures.shift();
        if (failure) throw failure;
        return "client";
      },
      5_000,
      noSleep,
    );
    expect(client).toBe("client");
    expect(calls).toBe(3);
  });

  it("gives up when the window is over, with the last error", async () => {
    let calls = 0;
    const waits: number[] = [];
    await expect(
      connectWithRetry(
        async () => {
          calls++;
          throw refused;
        },
        1_000,
        async (ms) => {
          waits.push(ms);
          await new Promise((resolve) => setTimeout(resolve, ms));
        },
      ),
    ).rejects.toBe(refused);
    expect(calls).toBeGreaterThan(1);
    expect(waits.every((ms) => ms <= 500)).toBe(true);
  });

  it("does not retry what is not a connection problem", async () => {
    const badPassword = Object.assign(new Error('password authentication failed for user "rackmap"'), { code: "28P01" });
    let calls = 0;
    await expect(
      connectWithRetry(
        async () => {
          calls++;
          throw badPassword;
        },
        5_000,
        noSleep,
      ),
    ).rejects.toBe(badPassword);
    expect(calls).toBe(1);
  });

  it("knows a dropped connection from other errors", () => {
    expect(isConnectError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isConnectError(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isConnectError(null)).toBe(false);
  });
});
