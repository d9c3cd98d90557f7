import "server-only";
// Every connection pool of the app (Prisma's adapter, imports and edits, failure snapshots) is one of
// these: a pg.Pool that rides out a database restart, a failover or a server still starting up, so a
// request in that window is slow instead of failed.
// - Connecting is retried for a few seconds: nothing has been sent yet, so nothing can run twice.
// - A single read-only statement sent through pool.query (every statement Prisma sends outside a
//   transaction goes that way, as do better-auth's session lookups) is sent again, on a fresh connection,
//   when its connection dies under it: a SELECT that did not finish changed nothing. Anything that may
//   write (INSERT, UPDATE, DELETE, a data-modifying WITH, SELECT INTO, nextval(), ...) is never sent
//   twice: it fails, because it may have committed before the connection died.
// - Transactions on a checked-out client are the caller's: a READ ONLY one can be retried whole with
//   readWithRetry (lib/db/failure-snapshot.ts does), a writing one must not be.
// A connection the server drops, idle or checked out between two queries, is discarded; the "error"
// listeners keep that from ending the process (pg emits the server's last message as an "error" event).
import pg from "pg";
import { preparedName } from "./prepared";

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
  // "Connection terminated unexpectedly"; "Client has encountered a connection error and is not queryable"
  // (a checked-out client whose connection died between two of its queries)
  return typeof e.message === "string" && /^Connection terminated|^Client has encountered a connection error/.test(e.message);
}

// Words that make a statement possibly writing: data-modifying statements (also inside WITH), SELECT INTO
// (creates a table), and the built-in functions a SELECT can change state with. A user-defined function
// that writes is not recognised: call such functions in a transaction, never through pool.query.
const WRITES =
  /\b(insert|update|delete|merge|into|nextval|setval|set_config|pg_advisory\w*|pg_notify|pg_terminate_backend|pg_cancel_backend|pg_reload_conf|lo_\w+|dblink\w*)\b/i;

/**
 * Whether a statement sent through pool.query may be sent again after its connection died: one SELECT (or
 * WITH ... SELECT) that names nothing in WRITES. Errs on the side of "no": a string literal containing
 * "update" only makes a read fail as it did before.
 */
export function isRetryableRead(text: string): boolean {
  // leading comments and parentheses, then the first keyword
  const body = text.replace(/^(\s+|--[^\n]*\n|\/\*[\s\S]*?\*\/|\()*/, "");
  if (!/^(select|with)\b/i.test(body)) return false;
  // one statement only (a trailing semicolon is fine)
  if (/;\s*\S/.test(body)) return false;
  return !WRITES.test(body);
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

/**
 * Runs `read` again when its connection dies under it, within the same window. Only for code that cannot
 * write: its statements may have reached the server before the connection died, and they run again. A
 * READ ONLY transaction qualifies (the server refuses writes in it); so does a single SELECT.
 */
export function readWithRetry<T>(read: () => Promise<T>, windowMs = retryWindowMs(), sleep = delay): Promise<T> {
  return connectWithRetry(read, windowMs, sleep);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

type QueryArgs = unknown[];

// the statement of pool.query(text, values?) or pool.query({ text, ... }); null for anything else (a
// callback, a cursor or stream, which are passed through untouched)
function statementOf(args: QueryArgs): string | null {
  if (args.some((arg) => typeof arg === "function")) return null;
  const [first] = args;
  if (typeof first === "string") return first;
  if (first !== null && typeof first === "object" && !("submit" in first) && typeof (first as { text?: unknown }).text === "string") {
    return (first as { text: string }).text;
  }
  return null;
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

  // Prisma's adapter sends each statement outside a transaction as pool.query(config) and awaits the
  // promise; pg's Pool#query checks out a client, runs the statement alone (autocommit) and releases the
  // client, destroying it after a connection error, so a second try gets a fresh connection.
  // pg's typings give query a dozen overloads (one returns its cursor argument): no single signature
  // but `any` matches them all.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: QueryArgs): any {
    args = withStatementName(args);
    const send = () => (super.query as (...a: QueryArgs) => Promise<unknown>).apply(this, args);
    const statement = statementOf(args);
    return statement !== null && isRetryableRead(statement) ? readWithRetry(send) : send();
  }
}

// pool.query(text, values) and pool.query({ text, values }) without a name of their own get the name
// lib/db/prepared.ts gives them (Prisma's adapter names its statements itself, with the same rule)
export function withStatementName(args: QueryArgs): QueryArgs {
  const statement = statementOf(args);
  if (statement === null) return args;
  const [first, values, ...rest] = args;
  if (typeof first === "string") {
    const name = preparedName(first, Array.isArray(values) ? values.length : 0);
    return name ? [{ name, text: first, values: values ?? [] }, ...rest] : args;
  }
  const config = first as { name?: string; values?: unknown[] };
  if (config.name) return args;
  const name = preparedName(statement, config.values?.length ?? 0);
  return name ? [{ ...config, name }, values, ...rest].slice(0, args.length) : args;
}

export function createPool(config: pg.PoolConfig): pg.Pool {
  const pool = new ResilientPool(config);
  pool.on("error", () => {});
  // pg-pool listens for errors only on idle clients: a checked-out client whose connection dies between
  // two queries would emit an unhandled "error" (an uncaught exception). Its holder learns of it from its
  // next query, which fails with "Client has encountered a connection error".
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}
