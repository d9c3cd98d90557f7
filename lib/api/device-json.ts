// The body of GET /api/v1/devices/{hostname}. DESIGN.md fixes these names (hostname, location, model, role, status,
// serial, assetTag, nics, bonds, cables, power, services); fields may be added, never renamed.
import type { DeviceDetail, PhysicalLocation } from "../db/devices";

export type DeviceJson = {
  hostname: string;
  location: PhysicalLocation;
  // unplaced: in stock at `location.site` (or nowhere recorded); racked; or a sled in `location.chassis`
  placement: DeviceDetail["placement"];
  model: string;
  manufacturer: string;
  kind: DeviceDetail["model"]["kind"];
  role: string;
  status: DeviceDetail["status"];
  serial: string | null;
  assetTag: string | null;
  primaryIp: string | null;
  oobIp: string | null;
  os: string;
  notes: string;
  // physical and out-of-band Nics; bonds are listed under `bonds`
  nics: {
    name: string;
    kind: "nic" | "oob";
    mac: string | null;
    speedMbps: number | null;
    driver: string | null;
    enabled: boolean;
    ip: string | null;
    bond: string | null;
    // the far end of this Nic's cable, whatever it is plugged into
    cable: { label: string | null; device: string; port: string; deviceKind: string } | null;
  }[];
  bonds: { name: string; mode: string | null; ip: string | null; enabled: boolean; members: string[] }[];
  // cables whose far end is a switch port
  cables: { nic: string; switch: string; switchPort: string; label: string | null }[];
  // for a switch: every port and what is plugged into it
  ports?: { port: string; speedMbps: number | null; enabled: boolean; device: string | null; nic: string | null; label: string | null }[];
  // a sled's are its chassis' feeds (`via` names the chassis); `assumed` when none are recorded and the device is
  // taken to draw on every feed of its cabinet
  power: { feed: string; cabinet: string; source: string | null; sourceKind: string | null; via: string | null; assumed: boolean }[];
  services: { name: string; role: string }[];
  // for a chassis: its sleds by bay
  sleds?: { hostname: string; bay: number | null }[];
  updatedAt: string;
};

export function deviceJson(device: DeviceDetail): DeviceJson {
  const isSwitch = device.model.kind === "switch";
  const bondIds = new Set(device.nics.filter((n) => n.kind === "bond").map((n) => n.id));
  const physical = device.nics.filter((n) => n.kind !== "bond");
  return {
    hostname: device.hostname,
    location: device.location,
    placement: device.placement,
    model: device.model.name,
    manufacturer: device.model.manufacturer,
    kind: device.model.kind,
    role: device.role,
    status: device.status,
    serial: device.serial,
    assetTag: device.assetTag,
    primaryIp: device.primaryIp,
    oobIp: device.oobIp,
    os: device.os,
    notes: device.notes,
    nics: physical.map((n) => ({
      name: n.name,
      kind: n.kind as "nic" | "oob",
      mac: n.mac,
      speedMbps: n.speedMbps,
      driver: n.driver,
      enabled: n.enabled,
      ip: n.ip,
      bond: n.bondName,
      cable: n.cable ? { label: n.cable.label, device: n.cable.peer.hostname, port: n.cable.peer.nic, deviceKind: n.cable.peer.kind } : null,
    })),
    bonds: device.nics
      .filter((n) => bondIds.has(n.id))
      .map((bond) => ({
        name: bond.name,
        mode: bond.bondMode,
        ip: bond.ip,
        enabled: bond.enabled,
        members: physical.filter((n) => n.bondId === bond.id).map((n) => n.name),
      })),
    cables: physical.flatMap((n) =>
      n.cable && n.cable.peer.kind === "switch"
        ? [{ nic: n.name, switch: n.cable.peer.hostname, switchPort: n.cable.peer.nic, label: n.cable.label }]
        : [],
    ),
    ...(isSwitch
      ? {
          ports: physical.map((n) => ({
            port: n.name,
            speedMbps: n.speedMbps,
            enabled: n.enabled,
            device: n.cable?.peer.hostname ?? null,
            nic: n.cable?.peer.nic ?? null,
            label: n.cable?.label ?? null,
          })),
        }
      : {}),
    power: device.power.feeds.map((f) => ({
      feed: f.name,
      cabinet: f.cabinet,
      source: f.source,
      sourceKind: f.sourceKind,
      via: device.power.via,
      assumed: device.power.assumed,
    })),
    services: device.services.map((s) => ({ name: s.name, role: s.role })),
    ...(device.sleds.length > 0 ? { sleds: device.sleds.map((s) => ({ hostname: s.hostname, bay: s.bay })) } : {}),
    updatedAt: device.updatedAt.toISOString(),
  };
}
