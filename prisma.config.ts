import { defineConfig } from "prisma/config";

// Not env("DATABASE_URL"): that helper throws when the variable is unset, even for `prisma generate`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
