import "server-only";
// Every connection pool of the app (Prisma's adapter, imports and edits, failure snapshots) is one of
// these: a pg.Pool that, when the database cannot be reached for a moment (a restart, a failover, a
// server still starting up), keeps trying to connect for a few seconds before it gives up, so a
// request in that window is slow instead of failed. Only connecting is retried: nothing has been sent
// to the database yet, so a retry can never run a statement twice. An idle connection the server
// drops is discarded by the pool (the "error" listener keeps that from ending the process).
import pg from "pg";

// how long a request waits for the database to come back, in total (RACKMAP_DB_RETRY_MS to change)
const DEFAULT_RETRY_MS = 5_000;
const FIRST_DELAY_MS = 50;
const MAX_DELAY_MS = 500;

// connection refused or reset, the server starting up or shutting down, a connection that died before use
const RETRYABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "57P01", "57P02", "57P03", "08001", "08006"]);

export function isConnectError(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && RETRYABLE_CODES.has(e.code)) return true;
  return typeof e.message === "string" && /^Connection terminated/.test(e.message);
}

export function retryWindowMs(): number {
  const configured = Number(process.env.RACKMAP_DB_RETRY_MS);
  return Number.isFinite(configured) && configured >= 0 ? configured : DEFAULT_RETRY_MS;
}

/** Calls `connect` until it succeeds, a non-connection error comes, or the window is over. */
export async function connectWithRetry<T>(connect: () => Promise<T>, windowMs = retryWindowMs(), sleep = delay): Promise<T> {
  const deadline = Date.now() + windowMs;
  let wait = FIRST_DELAY_MS;
  for (;;) {
    try {
      return await connect();
    } catch (error) {
      if (!isConnectError(error) || Date.now() + wait > deadline) throw error;
      await sleep(wait);
      wait = Math.min(wait * 2, MAX_DELAY_MS);
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

class ResilientPool extends pg.Pool {
  // pg's own Pool#query calls connect(callback); Prisma's adapter and our code call connect()
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const attempt = connectWithRetry(() => super.connect());
    if (!callback) return attempt;
    attempt.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error, undefined, () => {}),
    );
  }
}

export function createPool(config: pg.PoolConfig): pg.Pool {
  const pool = new ResilientPool(config);
  pool.on("error", () => {});
  return pool;
}
