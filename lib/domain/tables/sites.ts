import type { TableSpec } from "./types";

export const sitesTable: TableSpec = {
  name: "sites",
  noun: "site",
  defaultSort: { column: "site", dir: "asc" },
  linkFields: ["siteId"],
  columns: [
    { id: "site", label: "Site", type: "text", defaultVisible: true, quick: true, link: { prefix: "/sites/", field: "siteId" } },
    { id: "address", label: "Address", type: "text", defaultVisible: true, quick: true },
    { id: "remoteHandsPhone", label: "Remote hands phone", type: "text", defaultVisible: true },
    { id: "remoteHandsEmail", label: "Remote hands e-mail", type: "text", defaultVisible: true },
    { id: "accessNotes", label: "Access notes", type: "text", defaultVisible: false },
    { id: "rooms", label: "Rooms", type: "number", defaultVisible: true },
    { id: "cabinets", label: "Cabinets", type: "number", defaultVisible: true },
    { id: "devices", label: "Devices", type: "number", defaultVisible: true },
  ],
};
