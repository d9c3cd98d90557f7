import type { Metadata } from "next";
import { connection } from "next/server";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { canImport, canRead } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { formatBytes, importMaxBytes } from "@/lib/import/csv-read";
import { IMPORT_KINDS, KIND_FORMATS } from "@/lib/import/kinds";
import { ImportWorkbench } from "./import-workbench";

export const metadata: Metadata = { title: "Import and export" };

export default async function ImportPage() {
  await connection();
  const viewer = await requirePage(canRead, "/import");
  const maxBytes = importMaxBytes();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Import and export"
        description="Load inventory from spreadsheets, one CSV file per kind, and export the same columns back out."
      />

      {canImport(viewer) ? (
        <ImportWorkbench maxBytes={maxBytes} />
      ) : (
        <div role="note" className="max-w-3xl rounded-md border border-line bg-surface px-4 py-3">
          <p className="font-medium text-fg">Importing needs the editor role.</p>
          <p className="mt-1 text-muted">
            You can export every kind below and read the formats, so you can prepare a file; ask an editor or an admin
            to import it.
          </p>
        </div>
      )}

      <Section id="export" title="Export" aside="The same columns import reads: export, edit, import back.">
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
          {IMPORT_KINDS.map((kind) => (
            <li key={kind}>
              <a
                href={`/api/v1/export/${kind}`}
                download={`${kind}.csv`}
                className="flex items-center gap-2 rounded-md border border-line bg-surface px-3 py-2 text-sm font-medium text-fg outline-none hover:border-accent/60 hover:bg-accent-soft/40 focus-visible:ring-2 focus-visible:ring-accent/40"
              >
                <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 shrink-0 text-accent" fill="none" stroke="currentColor" strokeWidth="1.6">
                  <path d="M8 2v8m0 0L5 7m3 3 3-3M3 12.5h10" strokeLinecap="round" strokeLinejoin="round" />
                </svg>
                <span>
                  Export {kind}
                  <span className="block font-mono text-xs font-normal text-muted">{kind}.csv</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="formats" title="CSV formats" aside={`UTF-8, comma-separated, one header row, at most ${formatBytes(maxBytes)} per file`}>
        <div className="mb-3 max-w-4xl space-y-1 text-muted">
          <p>
            Header names are read without regard to case, and spaces or hyphens count as underscores (<code>Asset Tag</code>{" "}
            is <code>asset_tag</code>). A row is matched on its key columns (bold): an existing object is updated, a new one
            created. An empty cell leaves a value as it is (or takes the default for something new).
          </p>
          <p>
            A file is applied all or nothing: if any row is wrong, nothing is written and every problem is listed by row and
            column. Import in this order, so each file finds what it refers to: models, cabinets, devices, nics, cables,
            services.
          </p>
        </div>
        <DataTable label="CSV formats">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Kind</th>
              <th scope="col">Columns</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_KINDS.map((kind, index) => {
              const format = KIND_FORMATS[kind];
              return (
                <tr key={kind}>
                  <td className="text-muted">{index + 1}</td>
                  <td className="font-semibold">{kind}</td>
                  <td className="font-mono text-[12.5px]">
                    {format.columns.map((column) => (
                      <span key={column} className={`mr-1.5 ${format.keys.includes(column) ? "font-bold text-fg" : "text-muted"}`}>
                        {column}
                      </span>
                    ))}
                  </td>
                  <td className="text-muted">{format.notes}</td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      </Section>
    </div>
  );
}
