import type { RackFace, RackLayout } from "@/lib/domain/rack-layout";
import type { DeviceHref } from "./chassis-front";
import { StaticMarkup } from "../static-markup";
import { RackElevation } from "./rack-elevation";

export type CabinetElevationsProps = {
  layout: RackLayout;
  compact?: boolean;
  hrefForDevice?: DeviceHref;
  headingLevel?: 2 | 3 | 4;
  // the pages that list problems elsewhere (a findings panel) can turn this off
  showProblems?: boolean;
  className?: string;
};

const FACES: readonly RackFace[] = ["front", "rear"];

export function CabinetElevations({
  layout,
  compact = false,
  hrefForDevice,
  headingLevel = 3,
  showProblems = true,
  className = "",
}: CabinetElevationsProps) {
  const Heading = `h${headingLevel}` as const;
  const { heightU } = layout.cabinet;
  return (
    <div className={className}>
      <div className={`flex flex-wrap items-start ${compact ? "gap-3" : "gap-x-8 gap-y-6"}`}>
        {FACES.map((face) => {
          const used = layout.occupancy.byFace[face].usedU;
          return (
            <figure key={face} className={`m-0 break-inside-avoid ${compact ? "w-36" : "w-full max-w-[24rem] sm:max-w-[17rem]"}`}>
              <figcaption className={`mb-1.5 flex items-baseline justify-between gap-2 ${compact ? "text-xs" : "text-sm"}`}>
                <Heading className="font-semibold capitalize">{face}</Heading>
                <span className="text-xs text-muted tabular-nums">
                  {used} / {heightU} U
                </span>
              </figcaption>
              <StaticMarkup>
                <RackElevation layout={layout} face={face} compact={compact} hrefForDevice={hrefForDevice} className="w-full" />
              </StaticMarkup>
            </figure>
          );
        })}
      </div>
      {showProblems && layout.problems.length > 0 ? (
        <div className="mt-3 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm text-warn print:border-black print:bg-transparent print:text-black">
          <p className="font-semibold">Not drawn as recorded</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {layout.problems.map((problem, i) => (
              <li key={`${i}-${problem.code}-${problem.deviceId}`}>{problem.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
