import Link from "next/link";
import type { ReactNode } from "react";
import { formatURange } from "@/lib/domain/rack-layout";
import type { DevicePlace } from "@/lib/db/devices";

export function deviceHref(hostname: string): string {
  return `/devices/${encodeURIComponent(hostname)}`;
}

type Step = { label: string; value: ReactNode; href?: string; mono?: boolean };

// Where a device physically is, from the building down to the bay, each step a link where it has a page:
// the line a technician reads out over the phone.
export function LocationTrail({
  place,
  chassis,
  bay,
}: {
  place: DevicePlace;
  chassis?: { hostname: string } | null;
  bay?: number | null;
}) {
  const steps: Step[] = [];
  if (place.site) steps.push({ label: "Site", value: place.site.name, href: `/sites/${place.site.id}` });
  if (place.room) steps.push({ label: "Room", value: place.room.name, href: `/rooms/${place.room.id}` });
  if (place.cabinet) steps.push({ label: "Cabinet", value: place.cabinet.name, href: `/cabinets/${place.cabinet.id}` });
  if (place.uLow !== null && place.uHigh !== null) {
    steps.push({
      label: place.uLow === place.uHigh ? "Unit" : "Units",
      value: (
        <>
          {formatURange(place.uLow, place.uHigh)}
          {place.face ? <span className="font-normal text-muted"> {place.face}</span> : null}
        </>
      ),
    });
  }
  if (chassis) steps.push({ label: "Chassis", value: chassis.hostname, href: deviceHref(chassis.hostname), mono: true });
  if (chassis && bay !== undefined) steps.push({ label: "Bay", value: bay === null ? "not recorded" : `bay ${bay}` });

  return (
    <nav aria-label="Location" className="rounded-md border border-line bg-surface px-3 py-2">
      {steps.length === 0 || !place.cabinet ? (
        <p className="text-[13px]">
          <span className="font-semibold">Not placed</span>
          <span className="text-muted">
            {place.site ? <> — in stock at <Link href={`/sites/${place.site.id}`} className="text-accent hover:underline">{place.site.name}</Link></> : " — no site recorded"}
          </span>
        </p>
      ) : (
        <ol className="flex flex-wrap items-end gap-x-2 gap-y-1.5">
          {steps.map((step, i) => (
            <li key={step.label} className="flex items-end gap-2">
              {i > 0 ? (
                <span aria-hidden="true" className="pb-px text-base leading-6 text-line-strong">
                  ›
                </span>
              ) : null}
              <span className="flex flex-col">
                <span className="text-[11px] leading-4 font-medium tracking-wide text-muted uppercase">{step.label}</span>
                {step.href ? (
                  <Link href={step.href} className={`text-[15px] leading-6 font-semibold text-accent hover:underline ${step.mono ? "font-mono text-[14px]" : ""}`}>
                    {step.value}
                  </Link>
                ) : (
                  <span className={`text-[15px] leading-6 font-semibold ${step.mono ? "font-mono text-[14px]" : ""}`}>{step.value}</span>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
