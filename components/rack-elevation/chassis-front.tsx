import type { ReactNode } from "react";
import type { ChassisCell, ChassisLayout } from "@/lib/domain/chassis-layout";

export type DeviceHref = (device: { id: number; hostname: string }) => string | null | undefined;

// DejaVu Sans Mono and most UI monospace faces advance 0.6em; a little slack keeps the ellipsis inside the box.
const MONO_ADVANCE = 0.62;

export function fitText(text: string, maxWidth: number, fontSize: number): string {
  const maxChars = Math.floor(maxWidth / (fontSize * MONO_ADVANCE));
  if (text.length <= maxChars) return text;
  if (maxChars < 3) return "";
  return `${text.slice(0, maxChars - 1)}…`;
}

// The highlight must survive a black-and-white printout, so it is never color alone: a thick outline and a ▶ too.
export const HIGHLIGHT_MARK = "▶";
export const highlightBody =
  "fill-amber-300 stroke-orange-700 dark:fill-amber-400 dark:stroke-orange-200 print:fill-neutral-200 print:stroke-black";
export const highlightText = "fill-neutral-950 print:fill-black";
export const textStrong = "fill-fg print:fill-black";
export const textMuted = "fill-muted print:fill-neutral-700";

// Diagonal hatching is an SVG <pattern> that each drawing defines once (HatchDefs) and each hatched box fills
// with, instead of ~40 line segments per box: a rear elevation's hatching was ~17 KB of paths, sent twice on a
// cabinet page (HTML and RSC payload), and ~8 % of that page's server time. The id is derived from the
// pattern's look alone, so two drawings on one page that define the same id define the same pattern.
export type HatchStyle = { spacing: number; className: string };

export function hatchId({ spacing, className }: HatchStyle): string {
  return `rk-hatch-${spacing}-${className.replace(/[^a-z0-9]+/gi, "-")}`;
}

export function HatchDefs({ styles }: { styles: readonly HatchStyle[] }) {
  // lines x + y = k every `spacing` units, as before: a vertical line in a tile turned 45 degrees, the
  // tile's width being the lines' perpendicular distance
  const unique = [...new Map(styles.map((style) => [hatchId(style), style])).values()];
  if (unique.length === 0) return null;
  return (
    <defs>
      {unique.map((style) => {
        const tile = style.spacing / Math.SQRT2;
        return (
          <pattern key={hatchId(style)} id={hatchId(style)} width={tile} height={tile} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1={tile / 2} y1={0} x2={tile / 2} y2={tile} className={style.className} strokeWidth={0.75} />
          </pattern>
        );
      })}
    </defs>
  );
}

export function Hatch({ x, y, width, height, style }: { x: number; y: number; width: number; height: number; style: HatchStyle }) {
  if (width <= 0 || height <= 0) return null;
  return <rect x={x} y={y} width={width} height={height} fill={`url(#${hatchId(style)})`} aria-hidden="true" />;
}

export function MaybeLink({ href, children }: { href: string | null | undefined; children: ReactNode }) {
  return href ? <a href={href}>{children}</a> : <>{children}</>;
}

type BaysProps = {
  layout: ChassisLayout;
  chassisHostname: string;
  x: number;
  y: number;
  width: number;
  height: number;
  // small cells in a rack elevation carry no bay numbers and shorter text than the standalone drawing
  scale: "rack" | "compact" | "full";
  hrefForDevice?: DeviceHref;
};

// a grid cell of a chassis that is no bay (three bays in a 2x2 grid)
export const missingBayHatch = (scale: BaysProps["scale"]): HatchStyle => ({
  spacing: scale === "full" ? 8 : 4,
  className: "stroke-line print:stroke-neutral-300",
});

// The bay grid of one chassis, drawn into the given box; used inside a rack slot and by ChassisFront.
export function ChassisBays({ layout, chassisHostname, x, y, width, height, scale, hrefForDevice }: BaysProps) {
  if (layout.columns === 0 || layout.rows === 0) return null;
  const gap = scale === "full" ? 4 : scale === "rack" ? 2 : 1;
  const cellW = (width - gap * (layout.columns - 1)) / layout.columns;
  const cellH = (height - gap * (layout.rows - 1)) / layout.rows;
  return (
    <g>
      {layout.cells.map((cell) => (
        <BayCell
          key={cell.bay}
          cell={cell}
          chassisHostname={chassisHostname}
          x={x + (cell.column - 1) * (cellW + gap)}
          y={y + (cell.row - 1) * (cellH + gap)}
          width={cellW}
          height={cellH}
          scale={scale}
          hrefForDevice={hrefForDevice}
        />
      ))}
    </g>
  );
}

function BayCell({
  cell,
  chassisHostname,
  x,
  y,
  width,
  height,
  scale,
  hrefForDevice,
}: { cell: ChassisCell; x: number; y: number; width: number; height: number } & Omit<BaysProps, "layout" | "x" | "y" | "width" | "height">) {
  const r = scale === "full" ? 3 : 1.5;
  if (cell.missing) {
    return (
      <g>
        <rect x={x} y={y} width={width} height={height} rx={r} className="fill-surface-2 stroke-line print:fill-white print:stroke-neutral-400" strokeWidth={0.75} />
        <Hatch x={x} y={y} width={width} height={height} style={missingBayHatch(scale)} />
      </g>
    );
  }

  const sled = cell.sled;
  const mark = cell.highlighted ? HIGHLIGHT_MARK : "";
  const body = cell.highlighted
    ? highlightBody
    : sled
      ? "fill-surface stroke-line-strong print:fill-white print:stroke-black"
      : "fill-transparent stroke-line-strong print:stroke-neutral-500";
  const nameClass = `font-mono ${cell.highlighted ? `${highlightText} font-bold` : sled ? textStrong : `${textMuted} italic`}`;
  const title = sled ? `${sled.hostname} · bay ${cell.bay} of ${chassisHostname}` : `bay ${cell.bay} of ${chassisHostname}: empty`;

  let content: ReactNode = null;
  if (scale === "full") {
    const vertical = height > width * 1.15;
    const fontSize = Math.min(FULL_FONT, (vertical ? width : height) * 0.42);
    const name = sled?.hostname ?? "empty";
    // vertical bays (a C5000's sleds) read bottom to top, like the labels on the sleds themselves
    const text = vertical
      ? fitText(name, height - BAY_TAG_H - MARK_H - 6, fontSize)
      : fitText(mark ? `${mark} ${name}` : name, width - 2 * BAY_TAG_W, fontSize);
    const cx = x + width / 2;
    const cy = vertical ? y + BAY_TAG_H + (height - BAY_TAG_H - MARK_H) / 2 : y + height / 2;
    content = (
      <>
        <text x={x + 5} y={y + 13} fontSize={10} className={`font-mono tabular-nums ${cell.highlighted ? highlightText : textMuted}`}>
          {cell.bay}
        </text>
        <text
          x={cx}
          y={cy}
          fontSize={fontSize}
          textAnchor="middle"
          dominantBaseline="central"
          transform={vertical ? `rotate(-90 ${cx} ${cy})` : undefined}
          className={nameClass}
        >
          {text}
        </text>
        {vertical && mark ? (
          <text x={cx} y={y + height - MARK_H / 2 - 2} fontSize={11} textAnchor="middle" dominantBaseline="central" className={highlightText}>
            {mark}
          </text>
        ) : null}
      </>
    );
  } else if (scale === "rack") {
    // a rack unit is too low for a sled's name in a narrow bay: the bay number there, the name in the title and the
    // chassis' own label; wide bays (a C6220's) have room for both
    const wide = width >= 48;
    const fontSize = Math.min(8.5, height * 0.78, wide ? 8.5 : width * 0.5);
    const text =
      fontSize >= 5
        ? fitText(wide && sled ? `${mark ? `${mark} ` : ""}${cell.bay} ${sled.hostname}` : `${mark}${cell.bay}`, width - 4, fontSize)
        : "";
    content = text ? (
      <text
        x={wide ? x + 3 : x + width / 2}
        y={y + height / 2 + 0.5}
        fontSize={fontSize}
        textAnchor={wide ? "start" : "middle"}
        dominantBaseline="central"
        className={`tabular-nums ${nameClass}`}
      >
        {text}
      </text>
    ) : null;
  }

  const drawing = (
    <g>
      <title>{title}</title>
      <rect
        x={x}
        y={y}
        width={width}
        height={height}
        rx={r}
        className={body}
        strokeWidth={cell.highlighted ? (scale === "full" ? 3 : 1.5) : 0.75}
        strokeDasharray={sled ? undefined : "3 2"}
      />
      {content}
    </g>
  );
  return <MaybeLink href={sled ? hrefForDevice?.(sled) : null}>{drawing}</MaybeLink>;
}

const FULL_FONT = 15;
const BAY_TAG_H = 18;
const BAY_TAG_W = 18;
const MARK_H = 16;

export type ChassisFrontProps = {
  layout: ChassisLayout;
  hostname: string;
  modelName?: string;
  // with the height the drawing keeps the chassis' real proportions (a 3U C5000 is wide and low)
  heightU?: number;
  hrefForDevice?: DeviceHref;
  className?: string;
};

const FRONT_WIDTH = 480;
const EAR = 14;
// a rack unit is 44.45 mm high and a 19" panel 482.6 mm wide
const U_TO_WIDTH = 44.45 / 482.6;

export function ChassisFront({ layout, hostname, modelName, heightU, hrefForDevice, className = "" }: ChassisFrontProps) {
  const header = 22;
  const pad = 8;
  const innerW = FRONT_WIDTH - 2 * EAR - 2 * pad;
  const physical = heightU ? heightU * U_TO_WIDTH * FRONT_WIDTH - header - pad : 0;
  const cellW = layout.columns > 0 ? innerW / layout.columns : innerW;
  // vertical bays grow until the longest hostname fits; a drawing a little taller than the metal beats "bc-app-…"
  const longest = Math.max(5, ...layout.cells.map((c) => c.sled?.hostname.length ?? 0));
  const verticalRow = Math.min(260, longest * FULL_FONT * 0.62 + BAY_TAG_H + MARK_H + 12);
  const rows = Math.max(layout.rows, 1);
  const provisional = Math.max(physical, rows * 40);
  const gridH = provisional / rows > cellW * 1.15 ? Math.max(provisional, rows * verticalRow) : provisional;
  const totalH = header + gridH + pad;
  const highlighted = layout.cells.filter((c) => c.highlighted && c.sled);
  const label = [
    `Chassis ${hostname} front, bays numbered row by row from the top left`,
    ...highlighted.map((c) => `${c.sled?.hostname} in bay ${c.bay} highlighted`),
  ].join("; ");

  return (
    <svg
      viewBox={`0 0 ${FRONT_WIDTH} ${totalH}`}
      width={FRONT_WIDTH}
      height={totalH}
      role={hrefForDevice ? "group" : "img"}
      aria-label={label}
      className={`block h-auto max-w-full text-fg ${className}`.trim()}
    >
      <HatchDefs styles={layout.cells.some((c) => c.missing) ? [missingBayHatch("full")] : []} />
      <rect x={0.5} y={0.5} width={FRONT_WIDTH - 1} height={totalH - 1} rx={4} className="fill-surface-2 stroke-line-strong print:fill-white print:stroke-black" />
      {[0, FRONT_WIDTH - EAR].map((ex) => (
        <rect key={ex} x={ex + 0.5} y={0.5} width={EAR - 1} height={totalH - 1} rx={3} className="fill-track stroke-line-strong print:fill-neutral-100 print:stroke-black" />
      ))}
      <text x={EAR + pad} y={header / 2 + 1} fontSize={12} dominantBaseline="central" className={`font-mono font-semibold ${textStrong}`}>
        {fitText(hostname, innerW * 0.6, 12)}
      </text>
      {modelName ? (
        <text x={FRONT_WIDTH - EAR - pad} y={header / 2 + 1} fontSize={10.5} textAnchor="end" dominantBaseline="central" className={textMuted}>
          {fitText(modelName, innerW * 0.35, 10.5)}
        </text>
      ) : null}
      {layout.cells.length === 0 ? (
        <text x={FRONT_WIDTH / 2} y={header + gridH / 2} fontSize={12} textAnchor="middle" dominantBaseline="central" className={`${textMuted} italic`}>
          no bays
        </text>
      ) : (
        <ChassisBays
          layout={layout}
          chassisHostname={hostname}
          x={EAR + pad}
          y={header}
          width={innerW}
          height={gridH}
          scale="full"
          hrefForDevice={hrefForDevice}
        />
      )}
    </svg>
  );
}
