import "server-only";
// React elements rendered once to an HTML string on the server, for markup that never changes in the browser:
// the cabinet drawings (a 42U elevation is ~1,000 SVG nodes) and the technician's share page.
import { createRequire } from "node:module";
import path from "node:path";
import type { ReactElement } from "react";

// Loaded from node_modules at run time, outside Next's bundle: pages and route handlers are compiled for React
// Server Components, where react-dom/server is refused. What is rendered here are plain functions without hooks
// or client components, so the React instance that created the elements does not matter.
const requireAtRuntime = createRequire(path.join(process.cwd(), "package.json"));

type RenderToStaticMarkup = (element: ReactElement) => string;
let render: RenderToStaticMarkup | null = null;

export function renderStaticMarkup(element: ReactElement): string {
  render ??= (requireAtRuntime("react-dom/server") as { renderToStaticMarkup: RenderToStaticMarkup }).renderToStaticMarkup;
  return render(element);
}

/** Loads a package from the app's node_modules outside the bundle (see above). */
export function requireOutsideBundle(name: string): unknown {
  return requireAtRuntime(name);
}
