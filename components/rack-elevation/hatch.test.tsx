import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildChassisLayout } from "@/lib/domain/chassis-layout";
import { buildRackLayout } from "@/lib/domain/rack-layout";
import { ChassisFront } from "./chassis-front";
import { RackElevation } from "./rack-elevation";

// Hatching is a pattern each drawing defines itself: every url(#…) a drawing uses must be a <pattern> in
// that same drawing, or the box is drawn unhatched (and, on a page with no other drawing, silently so).
function references(svg: string): { used: string[]; defined: string[] } {
  return {
    used: [...new Set([...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]!))],
    defined: [...svg.matchAll(/<pattern[^>]* id="([^"]+)"/g)].map((m) => m[1]!),
  };
}

const chassisDevice = {
  id: 1,
  hostname: "c5000-1",
  uLow: 3,
  uHeight: 3,
  face: "front" as const,
  fullDepth: true,
  kind: "chassis" as const,
  // three bays in a 2x2 grid: one grid cell is no bay at all
  bays: 3,
  bayColumns: 2,
  bayRows: 2,
  sleds: [{ id: 11, hostname: "app-1", bay: 1 }],
};

describe("hatching", () => {
  it("a rear elevation defines the pattern its front-mounted full-depth devices and missing bays use", () => {
    const layout = buildRackLayout({ cabinet: { name: "C12", heightU: 10 }, devices: [chassisDevice] });
    for (const compact of [false, true]) {
      const rear = renderToStaticMarkup(<RackElevation layout={layout} face="rear" compact={compact} />);
      const front = renderToStaticMarkup(<RackElevation layout={layout} face="front" compact={compact} />);
      expect(references(rear).used.length).toBeGreaterThan(0);
      expect(references(rear).defined).toEqual(expect.arrayContaining(references(rear).used));
      // the front draws the chassis' bays, one of them missing
      expect(references(front).used.length).toBeGreaterThan(0);
      expect(references(front).defined).toEqual(expect.arrayContaining(references(front).used));
    }
  });

  it("a chassis front defines the pattern of its missing bays, and a drawing without hatching defines none", () => {
    const layout = buildChassisLayout({ bays: 3, bayColumns: 2, bayRows: 2, sleds: [{ id: 11, hostname: "app-1", bay: 1 }] });
    const svg = renderToStaticMarkup(<ChassisFront layout={layout} hostname="c5000-1" modelName="PowerEdge C5000" heightU={3} />);
    expect(references(svg).used).toHaveLength(1);
    expect(references(svg).defined).toEqual(references(svg).used);

    const full = buildChassisLayout({ bays: 4, bayColumns: 2, bayRows: 2, sleds: [] });
    expect(references(renderToStaticMarkup(<ChassisFront layout={full} hostname="c6100-1" modelName="PowerEdge C6100" heightU={2} />))).toEqual({
      used: [],
      defined: [],
    });
  });
});
