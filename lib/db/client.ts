import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "./generated/client";
import { createPool } from "./pool";
import { preparedName } from "./prepared";

// Built on first use, not at import: `next build` imports this module with no DATABASE_URL.
const globalForPrisma = globalThis as unknown as { rackmapPrisma?: PrismaClient; rackmapPool?: pg.Pool };

/** The pool under Prisma, for the few hot statements that go straight through pg: locate and the API
 * token check are one round trip each that way, without the few milliseconds Prisma adds per query. */
export function sqlPool(): pg.Pool {
  if (!globalForPrisma.rackmapPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    globalForPrisma.rackmapPool = createPool({ connectionString });
  }
  return globalForPrisma.rackmapPool;
}

export function db(): PrismaClient {
  if (!globalForPrisma.rackmapPrisma) {
    // the adapter's type wants a name for every statement; undefined sends one unnamed, as pg allows
    const statementNameGenerator = (query: { sql: string; args: unknown[] }) => preparedName(query.sql, query.args.length) as string;
    globalForPrisma.rackmapPrisma = new PrismaClient({ adapter: new PrismaPg(sqlPool(), { statementNameGenerator }) });
  }
  return globalForPrisma.rackmapPrisma;
}
