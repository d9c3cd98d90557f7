import type { TableSpec } from "./types";

export const roomsTable: TableSpec = {
  name: "rooms",
  noun: "room",
  defaultSort: { column: "room", dir: "asc" },
  linkFields: ["roomId"],
  columns: [
    { id: "site", label: "Site", type: "text", defaultVisible: true, quick: true },
    { id: "room", label: "Room", type: "text", defaultVisible: true, quick: true, link: { prefix: "/rooms/", field: "roomId" } },
    { id: "cabinets", label: "Cabinets", type: "number", defaultVisible: true },
    { id: "devices", label: "Devices", type: "number", defaultVisible: true },
    { id: "notes", label: "Notes", type: "text", defaultVisible: true },
  ],
};
