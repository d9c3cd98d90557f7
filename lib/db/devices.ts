import "server-only";
import { db } from "./client";
import type { DeviceStatus, Face } from "./generated/enums";

export type DeviceLocation =
  | { kind: "racked"; uLow: number; uHigh: number; face: Face | null }
  | { kind: "sled"; chassisHostname: string; bay: number | null }
  | { kind: "unplaced" };

export type DeviceRow = {
  id: number;
  hostname: string;
  role: string;
  status: DeviceStatus;
  modelName: string;
  siteName: string | null;
  cabinet: { id: number; name: string } | null;
  location: DeviceLocation;
};

export async function listDevices({ take = 200 }: { take?: number } = {}): Promise<{ total: number; devices: DeviceRow[] }> {
  const cabinetSelect = { select: { id: true, name: true, site: { select: { name: true } } } } as const;
  const [total, devices] = await Promise.all([
    db().device.count(),
    db().device.findMany({
      orderBy: { hostname: "asc" },
      take,
      select: {
        id: true,
        hostname: true,
        role: true,
        status: true,
        uLow: true,
        uHeight: true,
        face: true,
        bay: true,
        model: { select: { name: true } },
        site: { select: { name: true } },
        cabinet: cabinetSelect,
        chassis: { select: { hostname: true, cabinet: cabinetSelect } },
      },
    }),
  ]);
  return {
    total,
    devices: devices.map((d) => {
      // a sled has no cabinet of its own: it is wherever its chassis is
      const cabinet = d.cabinet ?? d.chassis?.cabinet ?? null;
      let location: DeviceLocation;
      if (d.cabinet && d.uLow !== null) {
        location = { kind: "racked", uLow: d.uLow, uHigh: d.uLow + Math.max(d.uHeight, 1) - 1, face: d.face };
      } else if (d.chassis) {
        location = { kind: "sled", chassisHostname: d.chassis.hostname, bay: d.bay };
      } else {
        location = { kind: "unplaced" };
      }
      return {
        id: d.id,
        hostname: d.hostname,
        role: d.role,
        status: d.status,
        modelName: d.model.name,
        siteName: cabinet?.site.name ?? d.site?.name ?? null,
        cabinet: cabinet ? { id: cabinet.id, name: cabinet.name } : null,
        location,
      };
    }),
  };
}
