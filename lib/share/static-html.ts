import "server-only";
// A page rendered to plain HTML with only the CSS it uses, inlined: no client runtime, no other request.
// The App Router sends its ~180 KB client runtime with every page, even one without a client component;
// the technician's share page, opened on a phone over a datacenter's weak signal, needs none of it.
import path from "node:path";
import { readFile } from "node:fs/promises";
import type { ReactElement } from "react";
import { renderStaticMarkup, requireOutsideBundle } from "../render/static-markup";

type TailwindCompiler = { build(candidates: string[]): string };

let compiler: Promise<TailwindCompiler> | null = null;
const cssByClasses = new Map<string, string>();
const CSS_CACHE_LIMIT = 64;

// Tailwind builds CSS for exactly the class names the HTML uses, from the app's own stylesheet (palette,
// dark scheme, print rules): a few KB instead of the app's whole 50 KB, and never out of step with it.
function tailwind(): Promise<TailwindCompiler> {
  compiler ??= (async () => {
    const { compile } = requireOutsideBundle("@tailwindcss/node") as {
      compile(css: string, options: { base: string; onDependency: (file: string) => void }): Promise<TailwindCompiler>;
    };
    const base = path.join(process.cwd(), "app");
    return compile(await readFile(path.join(base, "globals.css"), "utf8"), { base, onDependency: () => {} });
  })();
  compiler.catch(() => {
    compiler = null;
  });
  return compiler;
}

export function classNamesIn(html: string): string[] {
  const names = new Set<string>();
  for (const match of html.matchAll(/\bclass="([^"]*)"/g)) for (const name of match[1]!.split(/\s+/)) if (name) names.add(name);
  return [...names].sort();
}

// Readable without the app's styles: used only if Tailwind cannot run (the technician still gets the order).
const FALLBACK_CSS = "body{font:15px/1.5 system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 .75rem}article{border:1px solid #bbb;border-radius:6px;padding:.75rem;margin:.75rem 0}svg{max-width:100%;height:auto}";
let warned = false;

async function cssFor(html: string): Promise<string> {
  const classes = classNamesIn(html);
  const key = classes.join(" ");
  const cached = cssByClasses.get(key);
  if (cached !== undefined) return cached;
  let css: string;
  try {
    css = (await tailwind()).build(classes);
  } catch (error) {
    if (!warned) console.error("[rackmap] share page: Tailwind could not build its CSS, serving a plain stylesheet", error);
    warned = true;
    return FALLBACK_CSS;
  }
  if (cssByClasses.size >= CSS_CACHE_LIMIT) cssByClasses.delete(cssByClasses.keys().next().value!);
  cssByClasses.set(key, css);
  return css;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A whole HTML document for `body`, rendered once on the server; the page works without JavaScript. */
export async function renderStaticPage(options: { title: string; bodyClassName: string; body: ReactElement }): Promise<string> {
  const body = renderStaticMarkup(options.body);
  const html = `<body class="${options.bodyClassName}">${body}</body>`;
  const css = await cssFor(html);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">
<title>${escapeText(options.title)}</title>
<style>${css.replace(/<\/style/gi, "<\\/style")}</style>
</head>${html}</html>
`;
}
