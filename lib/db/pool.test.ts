import { describe, expect, it } from "vitest";
import { connectWithRetry, isConnectError, isRetryableRead, readWithRetry } from "./pool";

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
    expect(isConnectError(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(isConnectError(null)).toBe(false);
  });
});

describe("reading again after the connection died", () => {
  it("sends a read again, and stops at the first error that is not about the connection", async () => {
    const dropped = new Error("Connection terminated unexpectedly");
    const tooLong = Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" });
    const outcomes: (Error | string)[] = [dropped, tooLong, "rows"];
    let calls = 0;
    const read = async () => {
      calls++;
      const outcome = outcomes.shift()!;
      if (outcome instanceof Error) throw outcome;
      return outcome;
    };
    await expect(readWithRetry(read, 5_000, noSleep)).rejects.toBe(tooLong);
    expect(calls).toBe(2);
  });
});

describe("which statements may be sent twice", () => {
  it("a single SELECT, or a WITH that only selects, in the forms Prisma and lib/db send", () => {
    expect(isRetryableRead('SELECT "public"."session"."id", "public"."session"."updated_at" FROM "public"."session" WHERE "token" = $1 LIMIT $2')).toBe(true);
    expect(isRetryableRead("\n    SELECT n.id FROM nic n WHERE n.device_id = $1\n  ")).toBe(true);
    expect(isRetryableRead("WITH racked AS (SELECT cabinet_id FROM device) SELECT * FROM racked;")).toBe(true);
    expect(isRetryableRead("/* traceparent */ (SELECT 1) UNION ALL (SELECT 2)")).toBe(true);
    expect(isRetryableRead("-- a note\nSELECT 1")).toBe(true);
  });

  it("never a statement that may write", () => {
    for (const statement of [
      "INSERT INTO audit_log (action) VALUES ($1) RETURNING id",
      'UPDATE "public"."session" SET "expires_at" = $1 WHERE "id" = $2',
      "DELETE FROM rate_limit WHERE window_start < $1",
      "WITH gone AS (DELETE FROM inventory_change WHERE at < now() RETURNING 1) SELECT count(*) FROM gone",
      "WITH moved AS (UPDATE device SET cabinet_id = NULL RETURNING id) SELECT id FROM moved",
      "SELECT * INTO scratch FROM device",
      "SELECT nextval('device_id_seq')",
      "SELECT pg_advisory_lock($1)",
      "SELECT set_config('rackmap.actor', $1, false)",
      "SELECT 1; DELETE FROM device",
      "BEGIN",
      "SET statement_timeout = 0",
      "CALL refresh_everything()",
    ]) {
      expect(isRetryableRead(statement), statement).toBe(false);
    }
  });
});
