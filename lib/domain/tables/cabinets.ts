import type { TableSpec } from "./types";

export const cabinetsTable: TableSpec = {
  name: "cabinets",
  noun: "cabinet",
  defaultSort: { column: "cabinet", dir: "asc" },
  linkFields: ["cabinetId"],
  columns: [
    { id: "site", label: "Site", type: "text", defaultVisible: true, quick: true },
    { id: "room", label: "Room", type: "text", defaultVisible: true, quick: true },
    { id: "cabinet", label: "Cabinet", type: "text", defaultVisible: true, quick: true, link: { prefix: "/cabinets/", field: "cabinetId" } },
    { id: "heightU", label: "Height (U)", type: "number", defaultVisible: true },
    { id: "usedU", label: "U used", type: "number", defaultVisible: true },
    { id: "freeU", label: "Free U", type: "number", defaultVisible: true },
    { id: "devices", label: "Devices", type: "number", defaultVisible: true },
    { id: "feeds", label: "Power feeds", type: "text", defaultVisible: true },
    { id: "notes", label: "Notes", type: "text", defaultVisible: false },
  ],
};
