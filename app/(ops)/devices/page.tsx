import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { DeviceStatusBadge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber, plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { listDevices, type DeviceLocation } from "@/lib/db/devices";
import { canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Devices" };

const PAGE_SIZE = 200;

export default async function DevicesPage() {
  await connection();
  await requirePage(canRead, "/devices");
  const { total, devices } = await listDevices({ take: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Devices"
        description={
          total === 0
            ? undefined
            : total > devices.length
              ? `Showing the first ${formatNumber(devices.length)} of ${formatNumber(total)} devices, by hostname`
              : `${plural(total, "device")}, by hostname`
        }
      />
      {devices.length === 0 ? (
        <EmptyState title="No devices yet">
          <p>
            Devices are loaded from a devices CSV (see Import for the columns) or generated with{" "}
            <code className="rounded bg-surface-2 px-1 py-0.5 whitespace-nowrap">npm run cli -- generate</code>.
          </p>
        </EmptyState>
      ) : (
        <DataTable label="Devices">
          <thead>
            <tr>
              <th scope="col">Hostname</th>
              <th scope="col">Model</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Site</th>
              <th scope="col">Cabinet</th>
              <th scope="col">Position</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.id}>
                <td className="font-mono text-[12.5px] font-medium whitespace-nowrap">{device.hostname}</td>
                <td>{device.modelName}</td>
                <td>{device.role || <span className="text-muted">—</span>}</td>
                <td>
                  <DeviceStatusBadge status={device.status} />
                </td>
                <td>{device.siteName ?? <span className="text-muted">—</span>}</td>
                <td>
                  {device.cabinet ? (
                    <Link href={`/cabinets/${device.cabinet.id}`} className="text-accent hover:underline">
                      {device.cabinet.name}
                    </Link>
                  ) : (
                    <span className="text-muted">—</span>
                  )}
                </td>
                <td className="whitespace-nowrap">
                  <Position location={device.location} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}

function Position({ location }: { location: DeviceLocation }) {
  switch (location.kind) {
    case "racked":
      return (
        <>
          {location.uLow === location.uHigh ? `U${location.uLow}` : `U${location.uLow}–U${location.uHigh}`}
          {location.face ? <span className="text-muted"> {location.face}</span> : null}
        </>
      );
    case "sled":
      return (
        <>
          <span className="font-mono text-[12.5px]">{location.chassisHostname}</span>
          <span className="text-muted"> bay {location.bay}</span>
        </>
      );
    case "unplaced":
      return <span className="text-muted">unplaced</span>;
  }
}
