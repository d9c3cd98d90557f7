import "server-only";
import { listCabinets, listCabinetsBySite, type CabinetRow } from "./cabinets";
import { db } from "./client";

export type Totals = { sites: number; rooms: number; cabinets: number; devices: number; services: number };

export async function getTotals(): Promise<Totals> {
  const [sites, rooms, cabinets, devices, services] = await Promise.all([
    db().site.count(),
    db().room.count(),
    db().cabinet.count(),
    db().device.count(),
    db().service.count(),
  ]);
  return { sites, rooms, cabinets, devices, services };
}

export type SiteContact = {
  id: number;
  name: string;
  address: string;
  remoteHandsPhone: string;
  remoteHandsEmail: string;
  accessNotes: string;
};

export type SiteOverview = SiteContact & {
  rooms: { id: number; name: string; cabinets: CabinetRow[] }[];
  // a cabinet need not be assigned to a room
  cabinetsWithoutRoom: CabinetRow[];
};

export async function listSitesWithRoomsAndCabinets(): Promise<SiteOverview[]> {
  const [sites, cabinets] = await Promise.all([
    db().site.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        address: true,
        remoteHandsPhone: true,
        remoteHandsEmail: true,
        accessNotes: true,
        rooms: { orderBy: { name: "asc" }, select: { id: true, name: true } },
      },
    }),
    listCabinets(),
  ]);
  // listCabinets is already sorted by site, room and name; grouping keeps that order
  const byRoom = new Map<number, CabinetRow[]>();
  const withoutRoom = new Map<number, CabinetRow[]>();
  for (const cabinet of cabinets) {
    const [map, key] = cabinet.roomId === null ? [withoutRoom, cabinet.siteId] : [byRoom, cabinet.roomId];
    const list = map.get(key);
    if (list) list.push(cabinet);
    else map.set(key, [cabinet]);
  }
  return sites.map(({ rooms, ...site }) => ({
    ...site,
    rooms: rooms.map((room) => ({ ...room, cabinets: byRoom.get(room.id) ?? [] })),
    cabinetsWithoutRoom: withoutRoom.get(site.id) ?? [],
  }));
}

export type SiteRow = SiteContact & { roomCount: number; cabinetCount: number; deviceCount: number };

export async function listSites(): Promise<SiteRow[]> {
  const [sites, deviceCounts] = await Promise.all([
    db().site.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        address: true,
        remoteHandsPhone: true,
        remoteHandsEmail: true,
        accessNotes: true,
        _count: { select: { rooms: true, cabinets: true } },
      },
    }),
    // A sled's site is its chassis' cabinet's; an unplaced device may still name the site that stocks it.
    db().$queryRaw<{ site_id: number; device_count: number }[]>`
      SELECT coalesce(c.site_id, cc.site_id, d.site_id) AS site_id, count(*)::int AS device_count
      FROM device d
      LEFT JOIN cabinet c ON c.id = d.cabinet_id
      LEFT JOIN device ch ON ch.id = d.chassis_id
      LEFT JOIN cabinet cc ON cc.id = ch.cabinet_id
      WHERE coalesce(c.site_id, cc.site_id, d.site_id) IS NOT NULL
      GROUP BY 1`,
  ]);
  const devices = new Map(deviceCounts.map((r) => [r.site_id, r.device_count]));
  return sites.map(({ _count, ...site }) => ({
    ...site,
    roomCount: _count.rooms,
    cabinetCount: _count.cabinets,
    deviceCount: devices.get(site.id) ?? 0,
  }));
}

export type SiteDetail = SiteContact & {
  rooms: { id: number; name: string; notes: string; cabinets: CabinetRow[] }[];
  cabinetsWithoutRoom: CabinetRow[];
  deviceCount: number;
};

export async function getSite({ id }: { id: number }): Promise<SiteDetail | null> {
  const [site, cabinets] = await Promise.all([
    db().site.findUnique({
      where: { id },
      select: {
        id: true,
        name: true,
        address: true,
        remoteHandsPhone: true,
        remoteHandsEmail: true,
        accessNotes: true,
        rooms: { orderBy: { name: "asc" }, select: { id: true, name: true, notes: true } },
      },
    }),
    listCabinetsBySite({ siteId: id }),
  ]);
  if (!site) return null;
  const byRoom = new Map<number, CabinetRow[]>();
  const withoutRoom: CabinetRow[] = [];
  for (const cabinet of cabinets) {
    if (cabinet.roomId === null) withoutRoom.push(cabinet);
    else byRoom.set(cabinet.roomId, [...(byRoom.get(cabinet.roomId) ?? []), cabinet]);
  }
  return {
    ...site,
    rooms: site.rooms.map((room) => ({ ...room, cabinets: byRoom.get(room.id) ?? [] })),
    cabinetsWithoutRoom: withoutRoom,
    // racked devices and the sleds in their chassis; stock (unplaced) devices are not on the floor
    deviceCount: cabinets.reduce((n, c) => n + c.deviceCount, 0),
  };
}
