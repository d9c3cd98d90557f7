import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { createPool } from "./pool";

// Built on first use, not at import: `next build` imports this module with no DATABASE_URL.
const globalForPrisma = globalThis as unknown as { rackmapPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.rackmapPrisma) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    globalForPrisma.rackmapPrisma = new PrismaClient({ adapter: new PrismaPg(createPool({ connectionString })) });
  }
  return globalForPrisma.rackmapPrisma;
}
