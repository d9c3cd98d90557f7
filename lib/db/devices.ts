import "server-only";
import { db } from "./client";
import type { DeviceStatus, Face, ModelKind, NicKind, PowerSourceKind } from "./generated/enums";

// ---------------------------------------------------------------- one device

// DESIGN.md's location object, the same in GET /api/v1/locate and GET /api/v1/devices/{hostname} (the ids too, as
// lib/db/locate.ts adds them): `cabinet` is the cabinet's name with `site` beside it; a sled carries its chassis'
// cabinet and U plus `chassis` and `bay`.
export type PhysicalLocation = {
  site: string | null;
  siteId: number | null;
  room: string | null;
  roomId: number | null;
  cabinet: string | null;
  cabinetId: number | null;
  uLow: number | null;
  uHigh: number | null;
  face: Face | null;
  chassis: string | null;
  bay: number | null;
};

export type DevicePlace = {
  site: { id: number; name: string } | null;
  room: { id: number; name: string } | null;
  cabinet: { id: number; name: string; heightU: number } | null;
  // the units the device (or, for a sled, its chassis) occupies
  uLow: number | null;
  uHigh: number | null;
  face: Face | null;
  fullDepth: boolean;
};

export type DeviceChassis = {
  id: number;
  hostname: string;
  modelName: string;
  heightU: number;
  bays: number;
  bayColumns: number | null;
  bayRows: number | null;
  sleds: { id: number; hostname: string; bay: number | null }[];
};

export type DeviceSled = { id: number; hostname: string; bay: number | null; role: string; status: DeviceStatus };

export type NicPeer = { deviceId: number; hostname: string; kind: ModelKind; nic: string };

export type DeviceNic = {
  id: number;
  name: string;
  kind: NicKind;
  mac: string | null;
  speedMbps: number | null;
  driver: string | null;
  enabled: boolean;
  ip: string | null;
  // a bond member: the bond's Nic id and name; on a bond: its mode
  bondId: number | null;
  bondName: string | null;
  bondMode: string | null;
  cable: { id: number; label: string | null; peer: NicPeer } | null;
};

export type DeviceFeed = {
  id: number;
  name: string;
  cabinet: string;
  source: string | null;
  sourceKind: PowerSourceKind | null;
};

export type DevicePower = {
  // a sled draws on its chassis' feeds: the chassis' hostname, null for the device's own
  via: string | null;
  // nothing recorded: by DESIGN.md's default the device draws on every feed of its cabinet (a data-quality gap)
  assumed: boolean;
  feeds: DeviceFeed[];
};

export type DeviceDetail = {
  id: number;
  hostname: string;
  role: string;
  status: DeviceStatus;
  serial: string | null;
  assetTag: string | null;
  primaryIp: string | null;
  oobIp: string | null;
  os: string;
  notes: string;
  updatedAt: Date;
  model: {
    name: string;
    manufacturer: string;
    kind: ModelKind;
    heightU: number;
    bays: number;
    bayColumns: number | null;
    bayRows: number | null;
  };
  placement: "racked" | "sled" | "unplaced";
  place: DevicePlace;
  location: PhysicalLocation;
  // for a sled: the chassis it sits in
  chassis: DeviceChassis | null;
  bay: number | null;
  // for a chassis: the sleds in its bays
  sleds: DeviceSled[];
  // physical Nics, oob Nics and bonds (a bond is a Nic of kind "bond"), in natural name order
  nics: DeviceNic[];
  power: DevicePower;
  services: { id: number; name: string; role: string; minUp: number }[];
};

type RawNicRow = {
  id: number;
  name: string;
  kind: NicKind;
  mac: string | null;
  speed_mbps: number | null;
  driver: string | null;
  enabled: boolean;
  ip: string | null;
  bond_id: number | null;
  bond_name: string | null;
  bond_mode: string | null;
  cable_id: number | null;
  cable_label: string | null;
  peer_nic: string | null;
  peer_device_id: number | null;
  peer_hostname: string | null;
  peer_kind: ModelKind | null;
};

const naturally = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

// A device's Nics with the far end of each cable in one query: a switch with hundreds of ports costs the same.
async function listDeviceNics(deviceId: number): Promise<DeviceNic[]> {
  const rows = await db().$queryRaw<RawNicRow[]>`
    SELECT n.id, n.name, n.kind, n.mac, n.speed_mbps, n.driver, n.enabled, abbrev(n.ip) AS ip,
           n.bond_id, b.name AS bond_name, n.bond_mode,
           c.id AS cable_id, c.label AS cable_label,
           pn.name AS peer_nic, pd.id AS peer_device_id, pd.hostname AS peer_hostname, pm.kind AS peer_kind
    FROM nic n
    LEFT JOIN nic b ON b.id = n.bond_id
    LEFT JOIN cable ca ON ca.a_nic_id = n.id
    LEFT JOIN cable cb ON cb.b_nic_id = n.id
    LEFT JOIN LATERAL (SELECT coalesce(ca.id, cb.id) AS id, coalesce(ca.label, cb.label) AS label,
                              coalesce(ca.b_nic_id, cb.a_nic_id) AS peer_nic_id) c ON true
    LEFT JOIN nic pn ON pn.id = c.peer_nic_id
    LEFT JOIN device pd ON pd.id = pn.device_id
    LEFT JOIN model pm ON pm.id = pd.model_id
    WHERE n.device_id = ${deviceId}`;
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      mac: r.mac,
      speedMbps: r.speed_mbps,
      driver: r.driver,
      enabled: r.enabled,
      ip: r.ip,
      bondId: r.bond_id,
      bondName: r.bond_name,
      bondMode: r.bond_mode,
      cable:
        r.cable_id !== null && r.peer_device_id !== null
          ? {
              id: r.cable_id,
              label: r.cable_label,
              peer: { deviceId: r.peer_device_id, hostname: r.peer_hostname!, kind: r.peer_kind!, nic: r.peer_nic! },
            }
          : null,
    }))
    .sort((a, b) => naturally.compare(a.name, b.name));
}

type RawDeviceRow = {
  id: number;
  hostname: string;
  role: string;
  status: DeviceStatus;
  serial: string | null;
  asset_tag: string | null;
  primary_ip: string | null;
  oob_ip: string | null;
  os: string;
  notes: string;
  updated_at: Date;
  bay: number | null;
  model_name: string;
  manufacturer: string;
  kind: ModelKind;
  height_u: number;
  bays: number;
  bay_columns: number | null;
  bay_rows: number | null;
  // the device that holds the units: the device itself, or a sled's chassis
  racked_u_low: number | null;
  racked_u_height: number;
  racked_face: Face | null;
  racked_full_depth: boolean;
  chassis_id: number | null;
  chassis_hostname: string | null;
  chassis_model: string | null;
  chassis_height_u: number | null;
  chassis_bays: number | null;
  chassis_bay_columns: number | null;
  chassis_bay_rows: number | null;
  cabinet_id: number | null;
  cabinet_name: string | null;
  cabinet_height_u: number | null;
  room_id: number | null;
  room_name: string | null;
  site_id: number | null;
  site_name: string | null;
};

// One row: the device, its model, its chassis (for a sled) and the cabinet, room and site it stands in. Hostnames are
// unique without regard to case (an index on lower(hostname)), so this finds at most one device.
async function findDeviceRow(hostname: string): Promise<RawDeviceRow | null> {
  const [row] = await db().$queryRaw<RawDeviceRow[]>`
    SELECT d.id, d.hostname, d.role, d.status, d.serial, d.asset_tag, abbrev(d.primary_ip) AS primary_ip,
           abbrev(d.oob_ip) AS oob_ip, d.os, d.notes, d.updated_at, d.bay,
           m.name AS model_name, m.manufacturer, m.kind, m.height_u, m.bays, m.bay_columns, m.bay_rows,
           coalesce(ch.u_low, d.u_low) AS racked_u_low, coalesce(ch.u_height, d.u_height) AS racked_u_height,
           coalesce(ch.face, d.face) AS racked_face, coalesce(ch.full_depth, d.full_depth) AS racked_full_depth,
           ch.id AS chassis_id, ch.hostname AS chassis_hostname, chm.name AS chassis_model, chm.height_u AS chassis_height_u,
           chm.bays AS chassis_bays, chm.bay_columns AS chassis_bay_columns, chm.bay_rows AS chassis_bay_rows,
           c.id AS cabinet_id, c.name AS cabinet_name, c.height_u AS cabinet_height_u,
           r.id AS room_id, r.name AS room_name, s.id AS site_id, s.name AS site_name
    FROM device d
    JOIN model m ON m.id = d.model_id
    LEFT JOIN device ch ON ch.id = d.chassis_id
    LEFT JOIN model chm ON chm.id = ch.model_id
    LEFT JOIN cabinet c ON c.id = coalesce(ch.cabinet_id, d.cabinet_id)
    LEFT JOIN room r ON r.id = c.room_id
    LEFT JOIN site s ON s.id = coalesce(c.site_id, d.site_id)
    WHERE lower(d.hostname) = lower(${hostname})`;
  return row ?? null;
}

type RawFeedRow = {
  id: number;
  name: string;
  cabinet: string;
  source: string | null;
  source_kind: PowerSourceKind | null;
  recorded: boolean;
};

// The cabinet's feeds, each marked when the powered device (a sled's chassis, else the device) records drawing on it;
// the database allows a device only feeds of its own cabinet, so these are all it can draw on.
async function powerOf(poweredId: number, cabinetId: number | null, via: string | null): Promise<DevicePower> {
  if (cabinetId === null) return { via, assumed: false, feeds: [] };
  const rows = await db().$queryRaw<RawFeedRow[]>`
    SELECT f.id, f.name, c.name AS cabinet, ps.name AS source, ps.kind AS source_kind,
           EXISTS (SELECT 1 FROM device_power dp WHERE dp.feed_id = f.id AND dp.device_id = ${poweredId}) AS recorded
    FROM power_feed f
    JOIN cabinet c ON c.id = f.cabinet_id
    LEFT JOIN power_source ps ON ps.id = f.source_id
    WHERE f.cabinet_id = ${cabinetId}`;
  const sorted = [...rows].sort((a, b) => naturally.compare(a.name, b.name));
  const recorded = sorted.filter((r) => r.recorded);
  const feeds = (recorded.length > 0 ? recorded : sorted).map(
    (r): DeviceFeed => ({ id: r.id, name: r.name, cabinet: r.cabinet, source: r.source, sourceKind: r.source_kind }),
  );
  return { via, assumed: recorded.length === 0 && feeds.length > 0, feeds };
}

async function listServicesOf(deviceId: number): Promise<DeviceDetail["services"]> {
  return db().$queryRaw<DeviceDetail["services"]>`
    SELECT s.id, s.name, m.role, s.min_up AS "minUp"
    FROM service_member m
    JOIN service s ON s.id = m.service_id
    WHERE m.device_id = ${deviceId}
    ORDER BY s.name`;
}

/**
 * Everything known about one device, by hostname (without regard to case, as hostnames are unique that way): where it
 * is, its model, Nics and bonds with the far end of every cable, power and services. Five queries, four of them in
 * parallel, whatever the device: a switch with hundreds of ports costs the same.
 */
export async function getDeviceDetail({ hostname }: { hostname: string }): Promise<DeviceDetail | null> {
  const d = await findDeviceRow(hostname);
  if (!d) return null;
  const holder = d.chassis_id ?? d.id;
  const [nics, power, services, sleds] = await Promise.all([
    listDeviceNics(d.id),
    powerOf(holder, d.cabinet_id, d.chassis_hostname),
    listServicesOf(d.id),
    // a sled's neighbours in its chassis, or a chassis' own sleds
    db().device.findMany({
      where: { chassisId: holder },
      orderBy: [{ bay: "asc" }, { hostname: "asc" }],
      select: { id: true, hostname: true, bay: true, role: true, status: true },
    }),
  ]);

  const cabinet = d.cabinet_id !== null ? { id: d.cabinet_id, name: d.cabinet_name!, heightU: d.cabinet_height_u! } : null;
  const uLow = cabinet && d.racked_u_low !== null ? d.racked_u_low : null;
  const uHigh = uLow !== null ? uLow + Math.max(d.racked_u_height, 1) - 1 : null;
  const place: DevicePlace = {
    site: d.site_id !== null ? { id: d.site_id, name: d.site_name! } : null,
    room: d.room_id !== null ? { id: d.room_id, name: d.room_name! } : null,
    cabinet,
    uLow,
    uHigh,
    face: cabinet ? d.racked_face : null,
    fullDepth: d.racked_full_depth,
  };
  const chassis: DeviceChassis | null =
    d.chassis_id !== null
      ? {
          id: d.chassis_id,
          hostname: d.chassis_hostname!,
          modelName: d.chassis_model!,
          heightU: d.chassis_height_u!,
          bays: d.chassis_bays!,
          bayColumns: d.chassis_bay_columns,
          bayRows: d.chassis_bay_rows,
          sleds: sleds.map(({ id, hostname, bay }) => ({ id, hostname, bay })),
        }
      : null;
  return {
    id: d.id,
    hostname: d.hostname,
    role: d.role,
    status: d.status,
    serial: d.serial,
    assetTag: d.asset_tag,
    primaryIp: d.primary_ip,
    oobIp: d.oob_ip,
    os: d.os,
    notes: d.notes,
    updatedAt: d.updated_at,
    model: {
      name: d.model_name,
      manufacturer: d.manufacturer,
      kind: d.kind,
      heightU: d.height_u,
      bays: d.bays,
      bayColumns: d.bay_columns,
      bayRows: d.bay_rows,
    },
    placement: chassis ? "sled" : cabinet ? "racked" : "unplaced",
    place,
    location: {
      site: place.site?.name ?? null,
      siteId: place.site?.id ?? null,
      room: place.room?.name ?? null,
      roomId: place.room?.id ?? null,
      cabinet: cabinet?.name ?? null,
      cabinetId: cabinet?.id ?? null,
      uLow,
      uHigh,
      face: place.face,
      chassis: chassis?.hostname ?? null,
      bay: chassis ? d.bay : null,
    },
    chassis,
    bay: d.bay,
    sleds: chassis ? [] : sleds,
    nics,
    power,
    services,
  };
}
