import type { Metadata } from "next";
import { connection } from "next/server";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Import" };

// The CSV formats of DESIGN.md; the key columns (in bold) decide whether a row creates or updates.
const formats: { kind: string; keys: string[]; columns: string[]; notes: string }[] = [
  {
    kind: "models",
    keys: ["model"],
    columns: ["manufacturer", "kind", "height_u", "bays", "bay_layout"],
    notes: "bay_layout is COLSxROWS (e.g. 4x2), bays numbered row by row from the top left",
  },
  {
    kind: "cabinets",
    keys: ["site", "cabinet"],
    columns: ["room", "height_u", "power_feeds"],
    notes: "power_feeds like A:UPS-1;B:UPS-2; missing sites, rooms and power sources are created",
  },
  {
    kind: "devices",
    keys: ["hostname"],
    columns: ["model", "role", "status", "serial", "asset_tag", "site", "cabinet", "u", "face", "chassis", "bay", "power", "oob_ip", "primary_ip", "os", "notes"],
    notes: "racked (site + cabinet + u), in a chassis (chassis hostname + bay) or unplaced; power is A;B",
  },
  {
    kind: "nics",
    keys: ["hostname", "name"],
    columns: ["kind", "mac", "speed", "driver", "bond", "bond_mode", "enabled", "ip"],
    notes: "kind nic, bond or oob; bond names the bond a member belongs to; speed 1G, 10G or Mbps",
  },
  {
    kind: "cables",
    keys: ["label"],
    columns: ["a_host", "a_port", "b_host", "b_port"],
    notes: "keyed by label, or by the a-end when there is no label; a missing switch port is created",
  },
  {
    kind: "services",
    keys: ["service", "hostname"],
    columns: ["role", "min_up"],
    notes: "role is free text (master, slave, backup)",
  },
];

export default async function ImportPage() {
  await connection();
  await requirePage(canRead, "/import");
  return (
    <>
      <PageHeader title="Import" />
      <div className="mb-5 max-w-3xl rounded-md border border-warn/40 bg-warn-soft px-4 py-3">
        <p className="font-medium text-fg">CSV import is not available in this version yet.</p>
        <p className="mt-1 text-muted">
          These are the formats it will take, so you can prepare your spreadsheets now. One file per kind, UTF-8,
          comma-separated with one header row. Rows are matched on the key columns (bold), and a file is applied
          all or nothing: if any row is wrong, nothing is written and every error is listed by row and column.
        </p>
      </div>
      <DataTable label="CSV formats">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Columns</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {formats.map((format) => (
            <tr key={format.kind}>
              <td className="font-semibold">{format.kind}</td>
              <td className="font-mono text-[12.5px]">
                {format.keys.map((key) => (
                  <strong key={key} className="mr-1.5 text-fg">
                    {key}
                  </strong>
                ))}
                <span className="text-muted">{format.columns.join(" ")}</span>
              </td>
              <td className="text-muted">{format.notes}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
