import { cablesTable } from "./cables";
import { cabinetsTable } from "./cabinets";
import { devicesTable } from "./devices";
import { modelsTable } from "./models";
import { nicsTable } from "./nics";
import { roomsTable } from "./rooms";
import { servicesTable } from "./services";
import { sitesTable } from "./sites";
import { switchPortsTable } from "./switch-ports";
import type { TableName, TableSpec } from "./types";

export const TABLE_SPECS: Record<TableName, TableSpec> = {
  devices: devicesTable,
  cabinets: cabinetsTable,
  nics: nicsTable,
  cables: cablesTable,
  "switch-ports": switchPortsTable,
  models: modelsTable,
  sites: sitesTable,
  rooms: roomsTable,
  services: servicesTable,
};
