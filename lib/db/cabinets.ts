import "server-only";
import type { RackDeviceInput } from "../domain/rack-layout";
import { db, sqlPool } from "./client";
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

export async function listCabinetsByRoom({ roomId }: { roomId: number }): Promise<CabinetRow[]> {
  return queryCabinetRows(Prisma.sql`WHERE c.room_id = ${roomId}`);
}

export async function listCabinetsBySite({ siteId }: { siteId: number }): Promise<CabinetRow[]> {
  return queryCabinetRows(Prisma.sql`WHERE c.site_id = ${siteId}`);
}

// ---------------------------------------------------------------- elevations

// What lib/domain/rack-layout needs to draw a cabinet: its racked devices with their model's bay geometry and sleds.
const elevationDeviceSelect = {
  id: true,
  hostname: true,
  role: true,
  status: true,
  uLow: true,
  uHeight: true,
  face: true,
  fullDepth: true,
  cabinetId: true,
  model: { select: { name: true, kind: true, bays: true, bayColumns: true, bayRows: true } },
  sleds: { orderBy: { bay: "asc" }, select: { id: true, hostname: true, bay: true } },
} satisfies Prisma.DeviceSelect;

type ElevationDeviceRow = Prisma.DeviceGetPayload<{ select: typeof elevationDeviceSelect }>;

function rackDeviceOf(d: ElevationDeviceRow): RackDeviceInput {
  return {
    id: d.id,
    hostname: d.hostname,
    // a racked device always has u_low (a check constraint); 0 keeps a broken row visible as a problem, not a crash
    uLow: d.uLow ?? 0,
    uHeight: d.uHeight,
    face: d.face,
    fullDepth: d.fullDepth,
    kind: d.model.kind,
    role: d.role,
    status: d.status,
    modelName: d.model.name,
    sleds: d.sleds,
    bays: d.model.bays,
    bayColumns: d.model.bayColumns,
    bayRows: d.model.bayRows,
  };
}

export type CabinetElevation = { id: number; name: string; heightU: number; devices: RackDeviceInput[] };

type RawElevationDevice = {
  id: number;
  hostname: string;
  role: string;
  status: DeviceStatus;
  u_low: number | null;
  u_height: number;
  face: Face | null;
  full_depth: boolean;
  cabinet_id: number;
  model_name: string;
  kind: ModelKind;
  bays: number;
  bay_columns: number | null;
  bay_rows: number | null;
  sleds: { id: number; hostname: string; bay: number | null }[];
};

// The drawings of several cabinets (a room's row view, a work order's cabinets) in two statements, whatever
// their number: plain SQL, because Prisma's nested select took four (devices, their models, their sleds)
// and a millisecond of its own per statement on pages that draw on every request.
export async function listCabinetElevations({ cabinetIds }: { cabinetIds: readonly number[] }): Promise<CabinetElevation[]> {
  if (cabinetIds.length === 0) return [];
  const ids = [...cabinetIds];
  const [cabinets, devices] = await Promise.all([
    sqlPool().query<{ id: number; name: string; height_u: number }>("SELECT id, name, height_u FROM cabinet WHERE id = ANY($1::int[])", [ids]),
    sqlPool().query<RawElevationDevice>(
      `SELECT d.id, d.hostname, d.role, d.status::text AS status, d.u_low, d.u_height, d.face::text AS face, d.full_depth, d.cabinet_id,
              m.name AS model_name, m.kind::text AS kind, m.bays, m.bay_columns, m.bay_rows,
              coalesce((SELECT json_agg(json_build_object('id', s.id, 'hostname', s.hostname, 'bay', s.bay) ORDER BY s.bay, s.id)
                          FROM device s WHERE s.chassis_id = d.id), '[]') AS sleds
         FROM device d JOIN model m ON m.id = d.model_id
        WHERE d.cabinet_id = ANY($1::int[])
        ORDER BY d.u_low DESC, d.id`,
      [ids],
    ),
  ]);
  const byCabinet = new Map<number, RackDeviceInput[]>();
  for (const d of devices.rows) {
    const list = byCabinet.get(d.cabinet_id) ?? [];
    list.push({
      id: d.id,
      hostname: d.hostname,
      // a racked device always has u_low (a check constraint); 0 keeps a broken row visible as a problem, not a crash
      uLow: d.u_low ?? 0,
      uHeight: d.u_height,
      face: d.face,
      fullDepth: d.full_depth,
      kind: d.kind,
      role: d.role,
      status: d.status,
      modelName: d.model_name,
      sleds: d.sleds,
      bays: d.bays,
      bayColumns: d.bay_columns,
      bayRows: d.bay_rows,
    });
    byCabinet.set(d.cabinet_id, list);
  }
  const byId = new Map(cabinets.rows.map((c) => [c.id, { id: c.id, name: c.name, heightU: c.height_u }]));
  return cabinetIds.flatMap((id) => {
    const cabinet = byId.get(id);
    return cabinet ? [{ ...cabinet, devices: byCabinet.get(id) ?? [] }] : [];
  });
}

export async function getCabinetElevation({ id }: { id: number }): Promise<CabinetElevation | null> {
  const [elevation] = await listCabinetElevations({ cabinetIds: [id] });
  return elevation ?? null;
}

export type CabinetSled = {
  id: number;
  hostname: string;
  role: string;
  status: DeviceStatus;
  bay: number | null;
  serial: string | null;
  assetTag: string | null;
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
  serial: string | null;
  assetTag: string | null;
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
  // the racked devices as the elevation drawing wants them
  elevation: RackDeviceInput[];
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
        },
      },
      devices: {
        orderBy: [{ uLow: "desc" }, { face: "asc" }, { id: "asc" }],
        select: {
          ...elevationDeviceSelect,
          serial: true,
          assetTag: true,
          sleds: {
            orderBy: { bay: "asc" },
            select: {
              id: true,
              hostname: true,
              role: true,
              status: true,
              bay: true,
              serial: true,
              assetTag: true,
              model: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  if (!cabinet) return null;
  // counted for these feeds only: Prisma's _count here groups the whole device_power table (40 ms at 100k)
  const drawing = await db().devicePower.groupBy({
    by: ["feedId"],
    where: { feedId: { in: cabinet.feeds.map((f) => f.id) } },
    _count: { _all: true },
  });
  const devicesOnFeed = new Map(drawing.map((g) => [g.feedId, g._count._all]));
  return {
    ...summary,
    notes: cabinet.notes,
    feeds: cabinet.feeds.map((f) => ({
      id: f.id,
      name: f.name,
      sourceName: f.source?.name ?? null,
      sourceKind: f.source?.kind ?? null,
      deviceCount: devicesOnFeed.get(f.id) ?? 0,
    })),
    elevation: cabinet.devices.map(rackDeviceOf),
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
        serial: d.serial,
        assetTag: d.assetTag,
        modelName: d.model.name,
        modelKind: d.model.kind,
        sleds: d.sleds.map((s) => ({
          id: s.id,
          hostname: s.hostname,
          role: s.role,
          status: s.status,
          bay: s.bay,
          serial: s.serial,
          assetTag: s.assetTag,
          modelName: s.model.name,
        })),
      };
    }),
  };
}
