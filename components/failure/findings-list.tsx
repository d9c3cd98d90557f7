import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { plural } from "@/components/ui/format";
import { listCabinetFindingsAll, listFindingsForDevice, type CabinetFinding, type Finding } from "@/lib/db/findings";
import { FINDING_KIND_INFO, SEVERITY_LABEL, SEVERITY_TONE } from "./finding-kinds";
import { deviceHref } from "./links";

// Data-quality findings as a panel, for the device and cabinet pages (server components; they read only a
// scoped snapshot around the device or cabinet, so they stay fast on a large inventory).
export async function DeviceFindings({ hostname }: { hostname: string }) {
  return <FindingsList findings={await listFindingsForDevice(hostname)} showHost={false} />;
}

export async function CabinetFindings({ cabinetId }: { cabinetId: number }) {
  const { devices, cabinet } = await listCabinetFindingsAll(cabinetId);
  return <FindingsList findings={devices} cabinetFindings={cabinet} showHost />;
}

export function FindingsList({
  findings,
  cabinetFindings = [],
  showHost = true,
  title = "Findings",
}: {
  findings: readonly Finding[];
  cabinetFindings?: readonly CabinetFinding[];
  showHost?: boolean;
  title?: string;
}) {
  const headingId = `findings-${showHost ? "hosts" : "host"}`;
  const total = findings.length + cabinetFindings.length;
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-line bg-surface">
      <header className="flex items-baseline justify-between gap-3 border-b border-line px-3 py-2">
        <h2 id={headingId} className="text-sm font-semibold">
          {title}
        </h2>
        <span className="text-xs text-muted">
          {total === 0 ? "none" : plural(total, "finding")} ·{" "}
          <Link href="/findings" className="text-accent hover:underline">
            all findings
          </Link>
        </span>
      </header>
      {total === 0 ? (
        <p className="px-3 py-2.5 text-muted">No data-quality findings: wiring and power look as redundant as recorded.</p>
      ) : (
        <ul className="divide-y divide-line">
          {cabinetFindings.map((finding) => (
            <li key={finding.message} className="px-3 py-2">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone="danger">redundancy</Badge>
                <span className="font-medium">Cabinet fed from one power source</span>
              </div>
              <p className="mt-0.5 text-[13px] text-muted">{finding.message}</p>
            </li>
          ))}
          {findings.map((finding) => {
            const info = FINDING_KIND_INFO[finding.kind];
            return (
              <li key={`${finding.deviceId}-${finding.kind}-${finding.message}`} className="px-3 py-2">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={SEVERITY_TONE[info.severity]}>{SEVERITY_LABEL[info.severity]}</Badge>
                  <span className="font-medium" title={info.about}>
                    {info.title}
                  </span>
                  {showHost ? (
                    <Link href={deviceHref(finding.hostname)} className="font-mono text-[12.5px] text-accent hover:underline">
                      {finding.hostname}
                    </Link>
                  ) : null}
                </div>
                <p className="mt-0.5 text-[13px] text-muted">{finding.message}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
