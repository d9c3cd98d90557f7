import type { TableSpec } from "./types";

// A switch port is a Nic on a switch device (DESIGN.md): this is the switch's side of the cabling.
export const switchPortsTable: TableSpec = {
  name: "switch-ports",
  noun: "switch port",
  defaultSort: { column: "switch", dir: "asc" },
  columns: [
    { id: "switch", label: "Switch", type: "text", defaultVisible: true, quick: true, mono: true, link: { prefix: "/devices/", field: "switch" } },
    { id: "port", label: "Port", type: "text", defaultVisible: true, quick: true, mono: true },
    { id: "cabinet", label: "Cabinet", type: "text", defaultVisible: true },
    { id: "speed", label: "Speed (Mbps)", type: "number", defaultVisible: true },
    { id: "enabled", label: "Enabled", type: "enum", options: ["yes", "no"], defaultVisible: true },
    { id: "connectedHost", label: "Connected device", type: "text", defaultVisible: true, quick: true, mono: true, link: { prefix: "/devices/", field: "connectedHost" } },
    { id: "connectedNic", label: "Connected Nic", type: "text", defaultVisible: true, mono: true },
    { id: "cableLabel", label: "Cable label", type: "text", defaultVisible: true, quick: true, mono: true },
  ],
};
