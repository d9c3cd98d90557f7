// What the pool does when the server ends a connection under a statement, as a restart does: a read is sent
// again and succeeds, a write fails and is not sent again, and a READ ONLY snapshot transaction runs again
// whole. The connection is ended with pg_terminate_backend on a scratch database (the shared server is never
// restarted); the statement is held in flight by a lock another connection keeps on the table.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/test-database";
import { closeSnapshotPools, withSnapshotTransaction } from "./failure-snapshot";
import { PrismaClient } from "./generated/client";
import { db } from "./client";
import { createPool } from "./pool";

let database: TestDatabase;
// holds the lock that keeps a statement in flight
let locker: pg.Client;
// watches and ends the other connections, and counts rows
let admin: pg.Client;
let pool: pg.Pool;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase("rackmap_pool", { migrate: false });
  locker = new pg.Client({ connectionString: database.url });
  admin = new pg.Client({ connectionString: database.url });
  await Promise.all([locker.connect(), admin.connect()]);
  await admin.query("CREATE TABLE probe (id serial PRIMARY KEY, note text NOT NULL)");
  pool = createPool({ connectionString: database.url, max: 2 });
  // as lib/db/client.ts builds it
  prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await pool?.end();
  await closeSnapshotPools();
  await Promise.all([locker?.end(), admin?.end()]);
  await database?.drop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// the pid of a backend of this database that `condition` (SQL over pg_stat_activity) finds, once it does
async function backendWhere(condition: string): Promise<number> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND ${condition}`,
    );
    if (rows[0]) return rows[0].pid;
    await pause(20);
  }
  throw new Error(`no backend where ${condition}`);
}

// the backend has exited: the next statement sent on its connection cannot reach it
async function untilGone(pid: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if ((await admin.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid])).rowCount === 0) return;
    await pause(20);
  }
  throw new Error(`backend ${pid} is still there`);
}

async function terminate(pid: number): Promise<void> {
  const { rows } = await admin.query<{ ok: boolean }>("SELECT pg_terminate_backend($1) AS ok", [pid]);
  expect(rows[0]!.ok).toBe(true);
}

// Runs `statement` while `probe` is locked, ends the connection it waits on, then lets the lock go: a
// statement sent again after that runs to its end.
async function endConnectionUnder<T>(statement: () => Promise<T>): Promise<PromiseSettledResult<T>> {
  await locker.query("BEGIN");
  await locker.query("LOCK TABLE probe IN ACCESS EXCLUSIVE MODE");
  const settled = Promise.allSettled([statement()]);
  try {
    await terminate(await backendWhere("wait_event_type = 'Lock'"));
  } finally {
    await locker.query("COMMIT");
  }
  return (await settled)[0];
}

async function probeRows(): Promise<number> {
  return (await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM probe")).rows[0]!.n;
}

describe("a connection ended under a statement", () => {
  beforeEach(async () => {
    await admin.query("TRUNCATE probe");
  });

  it("a read through Prisma is sent again on a fresh connection and succeeds", async () => {
    await admin.query("INSERT INTO probe (note) VALUES ('one')");
    const result = await endConnectionUnder(() => prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM probe`);
    expect(result).toEqual({ status: "fulfilled", value: [{ n: 1 }] });
  });

  it("a write through Prisma fails and is not sent again", async () => {
    const result = await endConnectionUnder(() => prisma.$executeRaw`INSERT INTO probe (note) VALUES ('once')`);
    expect(result.status).toBe("rejected");
    expect(String((result as PromiseRejectedResult).reason)).toMatch(/terminating connection|Connection terminated/);
    expect(await probeRows()).toBe(0);
  });

  it("a WITH that writes is not taken for a read", async () => {
    const result = await endConnectionUnder(() => pool.query("WITH added AS (INSERT INTO probe (note) VALUES ('cte') RETURNING id) SELECT count(*) FROM added"));
    expect(result.status).toBe("rejected");
    expect(await probeRows()).toBe(0);
  });

  it("a READ ONLY snapshot transaction whose connection ends between two statements runs again whole", async () => {
    await admin.query("INSERT INTO probe (note) VALUES ('one'), ('two')");
    const backends: number[] = [];
    const count = await withSnapshotTransaction(
      async (client) => {
        const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
        backends.push(pid);
        if (backends.length === 1) {
          await terminate(pid);
          await untilGone(pid);
        }
        return (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM probe")).rows[0]!.n;
      },
      { connectionString: database.url },
    );
    expect(count).toBe(2);
    expect(backends).toHaveLength(2);
    expect(backends[1]).not.toBe(backends[0]);
  });
});

describe("prepared statements", () => {
  beforeEach(async () => {
    await admin.query("TRUNCATE probe");
  });

  it("are prepared on the server once per connection, and prepared again on a connection that replaced an ended one", async () => {
    const single = createPool({ connectionString: database.url, max: 1 });
    try {
      const prepared = async () =>
        (await single.query<{ statement: string }>("SELECT statement FROM pg_prepared_statements ORDER BY statement")).rows.map((r) => r.statement);
      const id = (await admin.query<{ id: number }>("INSERT INTO probe (note) VALUES ('one') RETURNING id")).rows[0]!.id;
      const read = "SELECT note FROM probe WHERE id = $1";
      for (let i = 0; i < 3; i++) expect((await single.query<{ note: string }>(read, [id])).rows).toEqual([{ note: "one" }]);
      expect(await prepared()).toContain(read);
      // a pattern search is not prepared
      expect((await single.query("SELECT note FROM probe WHERE note LIKE $1", ["o%"])).rowCount).toBe(1);
      expect((await prepared()).some((s) => s.includes("LIKE"))).toBe(false);

      const pid = (await single.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      await terminate(pid);
      await untilGone(pid);
      // the ended connection knew the statement; the new one is told it again, and the read succeeds
      expect((await single.query<{ note: string }>(read, [id])).rows).toEqual([{ note: "one" }]);
      expect((await single.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid).not.toBe(pid);
    } finally {
      await single.end();
    }
  });

  it("Prisma's statements are prepared too: the app's client (lib/db/client.ts), in a transaction, on one connection", async () => {
    const statements = await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT count(*)::int AS n FROM device WHERE id > ${0} /* prepared-statement probe */`;
      return tx.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements`;
    });
    expect(statements.filter((s) => s.statement.includes("prepared-statement probe"))).toHaveLength(1);
  });
});
