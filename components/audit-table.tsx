import { DataTable } from "@/components/ui/data-table";
import { formatUtc } from "@/components/ui/format";
import type { AuditRow } from "@/lib/db/audit";

// The change itself, field by field: "uLow: 10 → 12".
function Change({ before, after }: { before: unknown; after: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v));
  return (
    <ul className="space-y-0.5">
      {keys.map((key) => (
        <li key={key} className="font-mono text-xs">
          <span className="text-muted">{key}:</span> {before ? <span className="text-danger line-through decoration-danger/50">{show(b[key])}</span> : null}
          {before && after ? " → " : null}
          {after ? <span className="text-ok">{show(a[key])}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function AuditTable({ rows, showObject = true }: { rows: AuditRow[]; showObject?: boolean }) {
  return (
    <DataTable label="Audit entries">
      <thead>
        <tr>
          <th>When</th>
          <th>Who</th>
          <th>Action</th>
          {showObject ? <th>Object</th> : null}
          <th>Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id.toString()}>
            <td className="whitespace-nowrap text-muted">{formatUtc(row.at)}</td>
            <td className="whitespace-nowrap">
              {row.actorLabel}
              {row.actorType !== "user" ? <span className="ml-1 text-xs text-muted">({row.actorType.replace("_", " ")})</span> : null}
            </td>
            <td>{row.action}</td>
            {showObject ? (
              <td className="whitespace-nowrap">
                <span className="text-muted">{row.objectType}</span> {row.objectLabel || row.objectId}
              </td>
            ) : null}
            <td>
              <Change before={row.before} after={row.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
