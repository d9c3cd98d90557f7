import type { TableSpec } from "./types";

export const servicesTable: TableSpec = {
  name: "services",
  noun: "service",
  defaultSort: { column: "service", dir: "asc" },
  columns: [
    { id: "service", label: "Service", type: "text", defaultVisible: true, quick: true, link: { prefix: "/services/", field: "service" } },
    { id: "description", label: "Description", type: "text", defaultVisible: true, quick: true },
    { id: "minUp", label: "Min up", type: "number", defaultVisible: true },
    { id: "members", label: "Members", type: "number", defaultVisible: true },
    { id: "hosts", label: "Hosts", type: "text", defaultVisible: true, quick: true, mono: true },
  ],
};
