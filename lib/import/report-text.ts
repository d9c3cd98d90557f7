// An import report as plain text, for the CLI: one summary line, what was created on the side, and
// every problem on a line of its own ("row 7, u: U12–U14 of ORD1/C12 front are taken by app-23.").
import type { ImportIssue, ImportReport } from "./types";

export function formatIssue(issue: ImportIssue): string {
  const where = [issue.row === null ? "file" : `row ${issue.row}`, issue.column].filter(Boolean).join(", ");
  return `${where}: ${issue.message}`;
}

export function formatImportReport(report: ImportReport, file: string): string {
  const lines: string[] = [];
  const counts = `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged`;
  if (report.ok) {
    lines.push(
      report.dryRun
        ? `${file}: dry run, nothing written. Would be: ${counts} (${report.rows} rows, ${report.seconds} s).`
        : `${file}: imported ${report.kind}: ${counts} (${report.rows} rows, ${report.seconds} s).`,
    );
  } else {
    lines.push(
      `${file}: ${report.errors.length} problem${report.errors.length === 1 ? "" : "s"}; nothing was written.${report.rows ? ` Without them: ${counts}.` : ""}`,
    );
  }
  if (report.alsoCreated.length) {
    lines.push(`${report.ok && !report.dryRun ? "Also created" : "Would also create"}: ${report.alsoCreated.map((a) => `${a.type.replace("_", " ")} ${a.key}`).join(", ")}`);
  }
  for (const issue of report.errors) lines.push(formatIssue(issue));
  if (report.batchId) lines.push(`Audit log: /audit?batchId=${report.batchId}`);
  return lines.join("\n");
}
