import { DeviceStatus, Face, ModelKind } from "../../db/generated/enums";
import type { TableSpec } from "./types";

export const DEVICE_STATUSES = Object.values(DeviceStatus);
export const MODEL_KINDS = Object.values(ModelKind);

// The quick filter searches hostname, serial and asset tag: each has a trigram index, so it stays an
// index scan at 100k devices (searching model and role as well made it a scan of every row).
export const devicesTable: TableSpec = {
  name: "devices",
  noun: "device",
  defaultSort: { column: "hostname", dir: "asc" },
  linkFields: ["cabinetId", "chassisHostname"],
  columns: [
    { id: "hostname", label: "Hostname", type: "text", defaultVisible: true, quick: true, mono: true, link: { prefix: "/devices/", field: "hostname" } },
    { id: "model", label: "Model", type: "text", defaultVisible: true },
    { id: "kind", label: "Kind", type: "enum", options: MODEL_KINDS, defaultVisible: false },
    { id: "role", label: "Role", type: "text", defaultVisible: true },
    { id: "status", label: "Status", type: "enum", options: DEVICE_STATUSES, defaultVisible: true },
    { id: "site", label: "Site", type: "text", defaultVisible: true },
    { id: "room", label: "Room", type: "text", defaultVisible: true },
    { id: "cabinet", label: "Cabinet", type: "text", defaultVisible: true, link: { prefix: "/cabinets/", field: "cabinetId" } },
    { id: "u", label: "U", type: "number", defaultVisible: true },
    { id: "face", label: "Face", type: "enum", options: Object.values(Face), defaultVisible: false },
    { id: "chassis", label: "Chassis", type: "text", defaultVisible: true, mono: true, link: { prefix: "/devices/", field: "chassisHostname" } },
    { id: "bay", label: "Bay", type: "number", defaultVisible: true },
    { id: "serial", label: "Serial", type: "text", defaultVisible: true, quick: true, mono: true },
    { id: "assetTag", label: "Asset tag", type: "text", defaultVisible: true, quick: true, mono: true },
    { id: "primaryIp", label: "Primary IP", type: "ip", defaultVisible: true, mono: true },
    { id: "oobIp", label: "OOB IP", type: "ip", defaultVisible: false, mono: true },
    { id: "os", label: "OS", type: "text", defaultVisible: false },
    { id: "services", label: "Services", type: "text", defaultVisible: true },
  ],
};
