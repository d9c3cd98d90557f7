import { ModelKind } from "../../db/generated/enums";
import type { TableSpec } from "./types";

export const modelsTable: TableSpec = {
  name: "models",
  noun: "model",
  defaultSort: { column: "model", dir: "asc" },
  columns: [
    { id: "model", label: "Model", type: "text", defaultVisible: true, quick: true },
    { id: "manufacturer", label: "Manufacturer", type: "text", defaultVisible: true, quick: true },
    { id: "kind", label: "Kind", type: "enum", options: Object.values(ModelKind), defaultVisible: true },
    { id: "heightU", label: "Height (U)", type: "number", defaultVisible: true },
    { id: "bays", label: "Bays", type: "number", defaultVisible: true },
    { id: "bayLayout", label: "Bay layout", type: "text", defaultVisible: true },
    { id: "fullDepth", label: "Full depth", type: "enum", options: ["yes", "no"], defaultVisible: false },
    { id: "devices", label: "Devices", type: "number", defaultVisible: true },
  ],
};
