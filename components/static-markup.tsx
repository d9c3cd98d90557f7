import type { ReactElement } from "react";
import { renderStaticMarkup } from "@/lib/render/static-markup";

// A server-rendered drawing sent as one HTML string: the page's RSC payload carries a string instead of a
// tree of a thousand SVG elements, and the HTML render copies it instead of walking that tree again. Only for
// markup without client components or event handlers (links are fine).
export function StaticMarkup({ children, className }: { children: ReactElement; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: renderStaticMarkup(children) }} />;
}
