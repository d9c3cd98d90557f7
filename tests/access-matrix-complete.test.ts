// Every page, API route and server action of the app must be in e2e/access-matrix.ts, so none
// escapes the access test that asks each one as anonymous, viewer, editor and admin.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS, API, PAGES } from "../e2e/access-matrix";

const APP = path.join(__dirname, "..", "app");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

// app/(ops)/cabinets/[id]/page.tsx -> /cabinets/[id]
function routeOf(file: string): string {
  const parts = path.relative(APP, path.dirname(file)).split(path.sep).filter((p) => p && !/^\(.*\)$/.test(p));
  return `/${parts.join("/")}`;
}

const files = walk(APP);

describe("the access matrix lists", () => {
  it("every page", () => {
    const pages = files.filter((f) => /\/page\.tsx$/.test(f)).map(routeOf).sort();
    expect(pages).toEqual([...new Set(PAGES.map((p) => p.route))].sort());
  });

  it("every API route and method", () => {
    const routes = files
      .filter((f) => /\/route\.tsx?$/.test(f))
      .flatMap((f) => [...readFileSync(f, "utf8").matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => `${m[1]} ${routeOf(f)}`))
      .sort();
    expect(routes).toEqual([...new Set(API.map((a) => `${a.method} ${a.route}`))].sort());
  });

  it("every server action", () => {
    const actions = files
      .filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["']/.test(readFileSync(f, "utf8")))
      .flatMap((f) =>
        [...readFileSync(f, "utf8").matchAll(/export async function (\w+)/g)].map((m) => `${path.relative(path.join(APP, ".."), f)}#${m[1]}`),
      )
      .sort();
    expect(actions).toEqual(ACTIONS.map((a) => `${a.file}#${a.name}`).sort());
  });

  it("every non-public server action checks its own permission before anything else", () => {
    for (const action of ACTIONS.filter((a) => a.access !== "public")) {
      const source = readFileSync(path.join(APP, "..", action.file), "utf8");
      const body = source.slice(source.indexOf(`export async function ${action.name}(`));
      const firstStatement = body.slice(body.indexOf("{") + 1).trim().split("\n")[0]!;
      expect(firstStatement, `${action.file}#${action.name}`).toMatch(/await requireAction\(can\w+\)/);
    }
  });
});
