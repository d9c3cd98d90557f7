import type { DeviceKind, DeviceSlot, RackFace, RackLayout } from "@/lib/domain/rack-layout";
import { formatURange } from "@/lib/domain/rack-layout";
import {
  ChassisBays,
  type DeviceHref,
  fitText,
  Hatch,
  HatchDefs,
  type HatchStyle,
  HIGHLIGHT_MARK,
  missingBayHatch,
  highlightBody,
  highlightText,
  MaybeLink,
  textMuted,
  textStrong,
} from "./chassis-front";

export type RackElevationProps = {
  layout: RackLayout;
  face: RackFace;
  // the small drawing for a row of cabinets on the room page: no model names, no sled names
  compact?: boolean;
  hrefForDevice?: DeviceHref;
  // replaces "Cabinet C12 front elevation"
  label?: string;
  className?: string;
};

type Geometry = {
  unitH: number;
  gutter: number;
  rail: number;
  innerW: number;
  cap: number;
  hostFont: number;
  smallFont: number;
  uFont: number;
};

const NORMAL: Geometry = { unitH: 20, gutter: 26, rail: 12, innerW: 236, cap: 10, hostFont: 11, smallFont: 9, uFont: 9 };
const COMPACT: Geometry = { unitH: 10, gutter: 15, rail: 5, innerW: 112, cap: 5, hostFont: 6.5, smallFont: 6, uFont: 6 };

// Kind is secondary information, so it tints the body and a thin bar only; the highlight owns the strong colors.
const kindStyle: Record<DeviceKind, { body: string; bar: string }> = {
  server: { body: "fill-sky-50 stroke-sky-300 dark:fill-sky-950/50 dark:stroke-sky-800", bar: "fill-sky-500 dark:fill-sky-400" },
  chassis: {
    body: "fill-violet-50 stroke-violet-300 dark:fill-violet-950/50 dark:stroke-violet-800",
    bar: "fill-violet-500 dark:fill-violet-400",
  },
  sled: {
    body: "fill-violet-50 stroke-violet-300 dark:fill-violet-950/50 dark:stroke-violet-800",
    bar: "fill-violet-500 dark:fill-violet-400",
  },
  switch: {
    body: "fill-emerald-50 stroke-emerald-300 dark:fill-emerald-950/50 dark:stroke-emerald-800",
    bar: "fill-emerald-500 dark:fill-emerald-400",
  },
  storage: { body: "fill-rose-50 stroke-rose-300 dark:fill-rose-950/50 dark:stroke-rose-800", bar: "fill-rose-400 dark:fill-rose-400" },
  pdu: { body: "fill-stone-100 stroke-stone-300 dark:fill-stone-900 dark:stroke-stone-700", bar: "fill-stone-500 dark:fill-stone-400" },
  other: { body: "fill-slate-100 stroke-slate-300 dark:fill-slate-900 dark:stroke-slate-700", bar: "fill-slate-500 dark:fill-slate-400" },
};
const PRINT_BODY = "print:fill-white print:stroke-black";
const otherFaceBody = "fill-surface-2 stroke-line-strong print:fill-white print:stroke-neutral-500";
// a chassis highlighted because of one of its sleds: the sled cell carries the strong color
const softHighlightBody =
  "fill-amber-100 stroke-orange-700 dark:fill-amber-950 dark:stroke-orange-300 print:fill-white print:stroke-black";
const softHighlightText = "fill-neutral-950 dark:fill-amber-50 print:fill-black";
const clippedBody = "fill-danger-soft stroke-danger print:fill-white print:stroke-black";

// the other face's full-depth devices
const otherFaceHatch = (compact: boolean): HatchStyle => ({ spacing: compact ? 4 : 6, className: "stroke-line-strong print:stroke-neutral-400" });

function slotTitle(slot: DeviceSlot): string {
  const parts = [slot.hostname, formatURange(slot.uLow, slot.uHigh)];
  parts.push(slot.fromOtherFace ? `mounted on the ${slot.face}, full depth` : `${slot.face}, ${slot.fullDepth ? "full" : "half"} depth`);
  if (slot.modelName) parts.push(slot.modelName);
  if (slot.role) parts.push(slot.role);
  if (slot.status && slot.status !== "active") parts.push(slot.status);
  if (slot.clipped) parts.push("partly outside the cabinet");
  return parts.join(" · ");
}

function highlightSummary(layout: RackLayout, face: RackFace): string {
  const items: string[] = [];
  for (const slot of layout.faces[face]) {
    if (slot.kind !== "device" || !slot.highlighted) continue;
    const where = formatURange(slot.uLow, slot.uHigh);
    const sleds = slot.sleds.filter((s) => s.highlighted);
    if (sleds.length === 0) items.push(`${slot.hostname} at ${where}`);
    for (const sled of sleds) items.push(`${sled.hostname} in bay ${sled.bay} of ${slot.hostname} at ${where}`);
  }
  return items.length > 0 ? `; highlighted: ${items.join(", ")}` : "";
}

export function RackElevation({ layout, face, compact = false, hrefForDevice, label, className = "" }: RackElevationProps) {
  const g = compact ? COMPACT : NORMAL;
  const { heightU } = layout.cabinet;
  const frameX = g.gutter;
  const innerX = frameX + g.rail;
  const frameW = g.innerW + 2 * g.rail;
  const width = frameX + frameW + 2;
  const height = 2 * g.cap + heightU * g.unitH;
  const yOfTop = (u: number) => g.cap + (heightU - u) * g.unitH;

  const slots = layout.faces[face].filter((s): s is DeviceSlot => s.kind === "device");
  const highlightedUnits = new Set<number>();
  for (const slot of slots) {
    if (slot.highlighted) for (let u = slot.uLow; u <= slot.uHigh; u++) highlightedUnits.add(u);
  }

  const units = Array.from({ length: heightU }, (_, i) => heightU - i);
  // unit lines only where nothing is mounted: device tints are translucent in dark mode and must not show them
  const lines = new Set<number>();
  for (const slot of layout.faces[face]) {
    if (slot.kind !== "empty") continue;
    // yOfTop(u) is the line between u and u + 1
    for (let u = slot.uLow - 1; u <= slot.uHigh; u++) if (u >= 1 && u < heightU) lines.add(u);
  }
  const gridPath = [...lines].map((u) => `M${innerX} ${yOfTop(u)}h${g.innerW}`).join("");

  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role={hrefForDevice ? "group" : "img"}
      aria-label={`${label ?? `Cabinet ${layout.cabinet.name} ${face} elevation`}${highlightSummary(layout, face)}`}
      className={`block h-auto max-w-full text-fg ${className}`.trim()}
    >
      <HatchDefs
        styles={[
          ...(slots.some((s) => s.fromOtherFace) ? [otherFaceHatch(compact)] : []),
          ...(slots.some((s) => s.chassis?.cells.some((c) => c.missing)) ? [missingBayHatch(compact ? "compact" : "rack")] : []),
        ]}
      />
      <rect x={frameX} y={0} width={frameW} height={height} rx={compact ? 2 : 4} className="fill-track stroke-line-strong print:fill-neutral-100 print:stroke-black" strokeWidth={1} />
      <rect x={innerX} y={g.cap} width={g.innerW} height={heightU * g.unitH} className="fill-surface print:fill-white" />
      <path d={gridPath} className="stroke-line print:stroke-neutral-300" strokeWidth={compact ? 0.4 : 0.6} fill="none" />
      {compact ? null : (
        <RailHoles x={[frameX, innerX + g.innerW]} rail={g.rail} top={g.cap} unitH={g.unitH} heightU={heightU} />
      )}

      {slots
        .filter((s) => s.highlighted)
        .map((slot) => (
          <rect
            key={`band-${slot.deviceId}`}
            x={1}
            y={yOfTop(slot.uHigh) + 1}
            width={g.gutter - 3}
            height={(slot.uHigh - slot.uLow + 1) * g.unitH - 2}
            rx={2}
            className="fill-amber-300 dark:fill-amber-400 print:fill-neutral-200"
          />
        ))}
      <g aria-hidden="true" fontSize={g.uFont} textAnchor="end" className={`font-mono tabular-nums ${textMuted}`}>
        {units.map((u) => {
          const marked = highlightedUnits.has(u);
          if (compact && !marked && u % 5 !== 0 && u !== 1 && u !== heightU) return null;
          return (
            <text key={u} x={g.gutter - 4} y={yOfTop(u) + g.unitH / 2} dy="0.35em" className={marked ? `${highlightText} font-bold` : undefined}>
              {u}
            </text>
          );
        })}
      </g>

      {slots.map((slot) => (
        <DeviceBox
          key={slot.deviceId}
          slot={slot}
          x={innerX + 1}
          y={yOfTop(slot.uHigh) + 1}
          width={g.innerW - 2}
          height={(slot.uHigh - slot.uLow + 1) * g.unitH - 2}
          g={g}
          compact={compact}
          hrefForDevice={hrefForDevice}
        />
      ))}
    </svg>
  );
}

function RailHoles({ x, rail, top, unitH, heightU }: { x: number[]; rail: number; top: number; unitH: number; heightU: number }) {
  // three square holes per unit, as on a real EIA rail, drawn as one dashed stroke per rail to keep the markup small
  const size = 2.4;
  const pitch = unitH / 3;
  const d = x.map((rx) => `M${rx + rail / 2} ${(top + pitch / 2 - size / 2).toFixed(2)}v${heightU * unitH}`).join("");
  return (
    <path
      d={d}
      className="stroke-surface-2 print:stroke-white"
      strokeWidth={size}
      strokeDasharray={`${size} ${(pitch - size).toFixed(3)}`}
      fill="none"
      aria-hidden="true"
    />
  );
}

function DeviceBox({
  slot,
  x,
  y,
  width,
  height,
  g,
  compact,
  hrefForDevice,
}: {
  slot: DeviceSlot;
  x: number;
  y: number;
  width: number;
  height: number;
  g: Geometry;
  compact: boolean;
  hrefForDevice?: DeviceHref;
}) {
  const viaSled = slot.sleds.some((s) => s.highlighted);
  const showBays = !slot.fromOtherFace && slot.chassis !== null && slot.chassis.cells.length > 0;
  const body = slot.highlighted
    ? viaSled
      ? softHighlightBody
      : highlightBody
    : slot.clipped
      ? clippedBody
      : slot.fromOtherFace
        ? otherFaceBody
        : `${kindStyle[slot.deviceKind].body} ${PRINT_BODY}`;
  const strokeWidth = slot.highlighted ? (compact ? 1.5 : viaSled ? 2 : 2.5) : 0.75;
  const inset = strokeWidth / 2;

  const barW = compact ? 2 : 3;
  const pad = compact ? 3 : 6;
  // a chassis gets a name strip above its bays when the bays keep enough height; otherwise only bays (name in title)
  const stripH = compact ? g.hostFont + 2 : 13;
  const rows = slot.chassis?.rows ?? 0;
  const headerH = showBays ? (height - stripH - 3 >= rows * (compact ? 3 : 9) ? stripH : 0) : height;
  const textX = x + barW + pad;
  const textY = y + (showBays ? headerH / 2 + 1 : height / 2);
  const available = width - (textX - x) - pad;
  const fontSize = showBays ? Math.min(g.hostFont, headerH - 3) : g.hostFont;

  const mark = slot.highlighted ? `${HIGHLIGHT_MARK} ` : "";
  const clipMark = slot.clipped ? "⚠ " : "";
  const target = slot.sleds.find((s) => s.highlighted);
  const side = compact
    ? ""
    : target && showBays
      ? `bay ${target.bay} · ${target.hostname}`
      : slot.fromOtherFace
        ? `${slot.face}-mounted`
        : slot.status && slot.status !== "active"
          ? slot.status
          : (slot.modelName ?? "");
  const hostname = fitText(`${clipMark}${mark}${slot.hostname}`, available, fontSize);
  const sideRoom = available - hostname.length * fontSize * 0.62 - 10;
  const sideText = side && sideRoom > g.smallFont * 3 ? fitText(side, sideRoom, g.smallFont) : "";
  const showLabel = fontSize >= (compact ? 5 : 7) && (showBays ? headerH > 0 : height >= fontSize);

  const onHighlight = viaSled ? softHighlightText : highlightText;
  const textClass = slot.highlighted ? `${onHighlight} font-bold` : slot.fromOtherFace ? textMuted : `${textStrong} font-medium`;
  const sideClass = slot.highlighted
    ? `${onHighlight} ${target ? "font-mono font-bold" : ""}`
    : side === "failed"
      ? "fill-danger print:fill-black"
      : textMuted;

  const box = (
    <g>
      <title>{slotTitle(slot)}</title>
      <rect
        x={x + inset}
        y={y + inset}
        width={width - 2 * inset}
        height={height - 2 * inset}
        rx={compact ? 1 : 2}
        className={body}
        strokeWidth={slot.clipped ? Math.max(strokeWidth, 1.25) : strokeWidth}
        strokeDasharray={slot.clipped ? "4 2" : undefined}
      />
      {slot.fromOtherFace ? (
        <Hatch
          x={x + strokeWidth}
          y={y + strokeWidth}
          width={width - 2 * strokeWidth}
          height={height - 2 * strokeWidth}
          style={otherFaceHatch(compact)}
        />
      ) : (
        <rect
          x={x + strokeWidth}
          y={y + strokeWidth}
          width={barW}
          height={height - 2 * strokeWidth}
          className={`${kindStyle[slot.deviceKind].bar} print:fill-neutral-500`}
        />
      )}
      {showLabel ? (
        <>
          <text
            x={textX}
            y={textY}
            fontSize={fontSize}
            dominantBaseline="central"
            className={`font-mono ${textClass}`}
          >
            {hostname}
          </text>
          {sideText ? (
            <text
              x={x + width - (compact ? 3 : 6)}
              y={textY}
              fontSize={g.smallFont}
              textAnchor="end"
              dominantBaseline="central"
              className={sideClass}
            >
              {sideText}
            </text>
          ) : null}
        </>
      ) : null}
    </g>
  );

  return (
    <g>
      <MaybeLink href={hrefForDevice?.({ id: slot.deviceId, hostname: slot.hostname })}>{box}</MaybeLink>
      {showBays && slot.chassis ? (
        <ChassisBays
          layout={slot.chassis}
          chassisHostname={slot.hostname}
          x={x + barW + strokeWidth + (compact ? 1 : 3)}
          y={y + (headerH > 0 ? headerH : compact ? 1 : 3)}
          width={width - barW - strokeWidth - (compact ? 2 : 6)}
          height={height - (headerH > 0 ? headerH : compact ? 1 : 3) - (compact ? 1.5 : 3)}
          scale={compact ? "compact" : "rack"}
          hrefForDevice={hrefForDevice}
        />
      ) : null}
    </g>
  );
}
