import "server-only";
import { db } from "./client";
import { Prisma } from "./generated/client";
import type { DeviceStatus, Face, ModelKind, PowerSourceKind } from "./generated/enums";

export type CabinetRow = {
  id: number;
  name: string;
  heightU: number;
  siteId: number;
  siteName: string;
  roomId: number | null;
  roomName: string | null;
  // distinct rack units taken on either face, so a front and a rear half-depth device in one U count once
  uUsed: number;
  // racked devices plus the sleds in this cabinet's chassis
  deviceCount: number;
};

type RawCabinetRow = {
  id: number;
  name: string;
  height_u: number;
  site_id: number;
  site_name: string;
  room_id: number | null;
  room_name: string | null;
  u_used: number;
  device_count: number;
};

// Usage is aggregated in SQL: the fleet may hold 100k devices and these lists need only a number per cabinet.
// The exclusion constraints mean devices never overlap on one face, so the units in use are the sum of the
// front face (front or full-depth devices) plus rear half-depth devices, less the units a front and a rear
// half-depth device share. Summing ranges keeps the planner's estimates small; expanding every device into
// its units with generate_series made Postgres JIT-compile the query, which cost more than the query itself.
async function queryCabinetRows(where: Prisma.Sql): Promise<CabinetRow[]> {
  const rows = await db().$queryRaw<RawCabinetRow[]>`
    WITH racked AS (
      SELECT cabinet_id,
             coalesce(sum(u_height) FILTER (WHERE full_depth OR face = 'front'), 0)
               + coalesce(sum(u_height) FILTER (WHERE NOT full_depth AND face = 'rear'), 0) AS u_sum,
             count(*) AS devices
      FROM device
      WHERE cabinet_id IS NOT NULL
      GROUP BY cabinet_id
    ),
    shared AS (
      SELECT f.cabinet_id, sum(upper(f.r * b.r) - lower(f.r * b.r)) AS u_shared
      FROM (SELECT cabinet_id, int4range(u_low, u_low + u_height) AS r FROM device
            WHERE cabinet_id IS NOT NULL AND NOT full_depth AND face = 'front') f
      JOIN (SELECT cabinet_id, int4range(u_low, u_low + u_height) AS r FROM device
            WHERE cabinet_id IS NOT NULL AND NOT full_depth AND face = 'rear') b
        ON b.cabinet_id = f.cabinet_id AND b.r && f.r
      GROUP BY f.cabinet_id
    ),
    sleds AS (
      SELECT ch.cabinet_id, count(*) AS devices
      FROM device s
      JOIN device ch ON ch.id = s.chassis_id
      GROUP BY ch.cabinet_id
    )
    SELECT c.id, c.name, c.height_u, s.id AS site_id, s.name AS site_name, r.id AS room_id, r.name AS room_name,
           (coalesce(racked.u_sum, 0) - coalesce(shared.u_shared, 0))::int AS u_used,
           (coalesce(racked.devices, 0) + coalesce(sleds.devices, 0))::int AS device_count
    FROM cabinet c
    JOIN site s ON s.id = c.site_id
    LEFT JOIN room r ON r.id = c.room_id
    LEFT JOIN racked ON racked.cabinet_id = c.id
    LEFT JOIN shared ON shared.cabinet_id = c.id
    LEFT JOIN sleds ON sleds.cabinet_id = c.id
    ${where}
    ORDER BY s.name, r.name NULLS LAST, c.name`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    heightU: r.height_u,
    siteId: r.site_id,
    siteName: r.site_name,
    roomId: r.room_id,
    roomName: r.room_name,
    uUsed: r.u_used,
    deviceCount: r.device_count,
  }));
}

export async function listCabinets(): Promise<CabinetRow[]> {
  return queryCabinetRows(Prisma.empty);
}

export type CabinetSled = {
  id: number;
  hostname: string;
  role: string;
  status: DeviceStatus;
  bay: number | null;
  modelName: string;
};

export type CabinetDevice = {
  id: number;
  hostname: string;
  role: string;
  status: DeviceStatus;
  uLow: number;
  uHigh: number;
  face: Face | null;
  fullDepth: boolean;
  modelName: string;
  modelKind: ModelKind;
  sleds: CabinetSled[];
};

export type CabinetFeed = {
  id: number;
  name: string;
  sourceName: string | null;
  sourceKind: PowerSourceKind | null;
  deviceCount: number;
};

export type CabinetDetail = CabinetRow & {
  notes: string;
  devices: CabinetDevice[];
  feeds: CabinetFeed[];
};

export async function getCabinet({ id }: { id: number }): Promise<CabinetDetail | null> {
  const [summary] = await queryCabinetRows(Prisma.sql`WHERE c.id = ${id}`);
  if (!summary) return null;
  const cabinet = await db().cabinet.findUnique({
    where: { id },
    select: {
      notes: true,
      feeds: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          source: { select: { name: true, kind: true } },
          _count: { select: { devices: true } },
        },
      },
      devices: {
        orderBy: [{ uLow: "desc" }, { face: "asc" }],
        select: {
          id: true,
          hostname: true,
          role: true,
          status: true,
          uLow: true,
          uHeight: true,
          face: true,
          fullDepth: true,
          model: { select: { name: true, kind: true } },
          sleds: {
            orderBy: { bay: "asc" },
            select: { id: true, hostname: true, role: true, status: true, bay: true, model: { select: { name: true } } },
          },
        },
      },
    },
  });
  if (!cabinet) return null;
  return {
    ...summary,
    notes: cabinet.notes,
    feeds: cabinet.feeds.map((f) => ({
      id: f.id,
      name: f.name,
      sourceName: f.source?.name ?? null,
      sourceKind: f.source?.kind ?? null,
      deviceCount: f._count.devices,
    })),
    devices: cabinet.devices.map((d) => {
      // every device in cabinet.devices is racked, so the placement check guarantees u_low
      const uLow = d.uLow ?? 0;
      return {
        id: d.id,
        hostname: d.hostname,
        role: d.role,
        status: d.status,
        uLow,
        uHigh: uLow + Math.max(d.uHeight, 1) - 1,
        face: d.face,
        fullDepth: d.fullDepth,
        modelName: d.model.name,
        modelKind: d.model.kind,
        sleds: d.sleds.map((s) => ({
          id: s.id,
          hostname: s.hostname,
          role: s.role,
          status: s.status,
          bay: s.bay,
          modelName: s.model.name,
        })),
      };
    }),
  };
}
