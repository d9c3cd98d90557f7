// Whether .next must be built again: a production build is reused until a source file is newer than it.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export function buildIsStale(root = process.cwd()): boolean {
  const stamp = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const sources = ["app", "components", "lib", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json", "postcss.config.mjs"];
  return sources.some((source) => newerThan(path.join(root, source), built));
}

function newerThan(file: string, time: number): boolean {
  if (!existsSync(file)) return false;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs > time;
  if (path.basename(file) === "generated") return false;
  return readdirSync(file).some((name) => newerThan(path.join(file, name), time));
}
