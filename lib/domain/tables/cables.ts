import type { TableSpec } from "./types";

export const cablesTable: TableSpec = {
  name: "cables",
  noun: "cable",
  defaultSort: { column: "aHost", dir: "asc" },
  columns: [
    { id: "label", label: "Label", type: "text", defaultVisible: true, quick: true, mono: true },
    { id: "aHost", label: "A device", type: "text", defaultVisible: true, quick: true, mono: true, link: { prefix: "/devices/", field: "aHost" } },
    { id: "aPort", label: "A port", type: "text", defaultVisible: true, mono: true },
    { id: "bHost", label: "B device", type: "text", defaultVisible: true, quick: true, mono: true, link: { prefix: "/devices/", field: "bHost" } },
    { id: "bPort", label: "B port", type: "text", defaultVisible: true, mono: true },
    { id: "aCabinet", label: "A cabinet", type: "text", defaultVisible: true },
    { id: "bCabinet", label: "B cabinet", type: "text", defaultVisible: true },
  ],
};
