"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { RackFace } from "@/lib/domain/rack-layout";

type Props = {
  cabinet: { id: number; name: string; heightU: number; uUsed: number };
  face: RackFace;
  load: (cabinetId: number, face: RackFace) => Promise<ReactNode>;
};

// The compact elevation's size (components/rack-elevation's COMPACT geometry), so the outline takes the same room.
const WIDTH = 139;
const heightOf = (heightU: number) => 10 + heightU * 10;

// A cabinet of the row view that is drawn when it comes near the screen. Until then (and without JavaScript) it is
// an outline of the same size with a link to the cabinet's own page.
export function LazyRowCabinet({ cabinet, face, load }: Props) {
  const placeholder = useRef<HTMLElement>(null);
  const [drawing, setDrawing] = useState<ReactNode>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = placeholder.current;
    if (!element) return;
    let active = true;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        load(cabinet.id, face).then(
          (node) => {
            if (!active) return;
            if (node) setDrawing(node);
            else setFailed(true);
          },
          () => {
            if (active) setFailed(true);
          },
        );
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(element);
    return () => {
      active = false;
      observer.disconnect();
    };
  }, [cabinet.id, face, load]);

  if (drawing) return <>{drawing}</>;
  return (
    <figure ref={placeholder} className="m-0 w-36" aria-busy={!failed}>
      <figcaption className="mb-1 flex items-baseline justify-between gap-2 text-xs">
        <Link href={`/cabinets/${cabinet.id}`} className="text-sm font-semibold text-accent hover:underline">
          {cabinet.name}
        </Link>
        <span className="text-muted tabular-nums">
          {cabinet.uUsed} / {cabinet.heightU} U
        </span>
      </figcaption>
      <Link
        href={`/cabinets/${cabinet.id}`}
        style={{ width: WIDTH, height: heightOf(cabinet.heightU) }}
        className="flex items-center justify-center rounded-sm border border-dashed border-line-strong bg-surface-2/50 px-2 text-center text-xs text-muted hover:border-accent hover:text-fg"
      >
        {failed ? `Could not draw ${cabinet.name}: open the cabinet` : `Open ${cabinet.name}`}
      </Link>
    </figure>
  );
}
