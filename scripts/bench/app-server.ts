// The production app (`next start`) against the bench's database, on a free port; built first when
// .next is missing or older than the sources, as `npm start` does.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsStale } from "../next-build";
import { serverNodeOptions } from "../server-options";
import { freePort } from "./ports";

export type AppServer = { origin: string; stop: () => Promise<void> };

const nextBin = path.join(process.cwd(), "node_modules", ".bin", "next");

export async function startApp(options: { databaseUrl: string; build: boolean; log: (line: string) => void }): Promise<AppServer> {
  if (options.build && buildIsStale()) {
    options.log("building the app (.next is missing or older than the sources; a minute or two)");
    const build = spawnSync(nextBin, ["build"], { encoding: "utf8", maxBuffer: 64 * 2 ** 20, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error(`next build failed:\n${`${build.stdout}\n${build.stderr}`.trim().split("\n").slice(-30).join("\n")}`);
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(nextBin, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      RACKMAP_PUBLIC_ORIGIN: origin,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS),
    },
  });
  // the server's last words, for when it fails to come up
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    output.splice(0, Math.max(0, output.length - 40));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on("exit", () => ((exited = true), resolve())));
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exit;
    clearTimeout(killer);
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`next start exited:\n${output.join("\n")}`);
    const ready = await fetch(`${origin}/api/health`).then((r) => r.ok, () => false);
    if (ready) {
      options.log(`app serving on ${origin}`);
      return { origin, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the app did not answer /api/health within 90 s:\n${output.join("\n")}`);
}
