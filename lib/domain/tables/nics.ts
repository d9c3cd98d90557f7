import { NicKind } from "../../db/generated/enums";
import type { TableSpec } from "./types";

export const nicsTable: TableSpec = {
  name: "nics",
  noun: "Nic",
  defaultSort: { column: "hostname", dir: "asc" },
  columns: [
    { id: "hostname", label: "Device", type: "text", defaultVisible: true, quick: true, mono: true, link: { prefix: "/devices/", field: "hostname" } },
    { id: "name", label: "Nic", type: "text", defaultVisible: true, quick: true, mono: true },
    { id: "kind", label: "Kind", type: "enum", options: Object.values(NicKind), defaultVisible: true },
    { id: "mac", label: "MAC", type: "text", defaultVisible: true, quick: true, mono: true },
    { id: "speed", label: "Speed (Mbps)", type: "number", defaultVisible: true },
    { id: "driver", label: "Driver", type: "text", defaultVisible: true, quick: true },
    { id: "bond", label: "Bond", type: "text", defaultVisible: true, mono: true },
    { id: "enabled", label: "Enabled", type: "enum", options: ["yes", "no"], defaultVisible: true },
    { id: "ip", label: "IP", type: "ip", defaultVisible: true, mono: true },
    { id: "peer", label: "Cabled to", type: "text", defaultVisible: true, mono: true },
  ],
};
