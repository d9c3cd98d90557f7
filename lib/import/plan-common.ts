// What every kind's plan has in common: per-row outcomes, problems, parents created on the side,
// and the audit entry each written object gets. Plus the rack-unit arithmetic the devices and
// models plans share. Pure: plans are computed from the file and a snapshot of the database.
import { auditChange, type AuditValues } from "../domain/audit-diff";
import { formatURange } from "../domain/rack-layout";
import type { AlsoCreated, ImportIssue, RowOutcome } from "./types";

export type { AuditValues };

export type PlanBase = {
  outcomes: Map<number, RowOutcome>;
  issues: ImportIssue[];
  alsoCreated: AlsoCreated[];
};

export function emptyPlan(): PlanBase {
  return { outcomes: new Map(), issues: [], alsoCreated: [] };
}

// An object the apply step writes, with what the audit log records about it.
export type AuditNote = { objectType: string; objectLabel: string; before: AuditValues | null; after: AuditValues };

// "update" when the values differ, "unchanged" otherwise (bookkeeping fields aside)
export function compare(before: AuditValues, after: AuditValues): RowOutcome {
  return auditChange(before, after) ? "update" : "unchanged";
}

// Reports a problem once per row and column, keeping the first message.
export class Issues {
  readonly list: ImportIssue[] = [];
  private readonly rows = new Set<number>();
  add(row: number, column: string | null, message: string): void {
    this.rows.add(row);
    this.list.push({ row, column, message });
  }
  has(row: number): boolean {
    return this.rows.has(row);
  }
}

export function listNames(names: readonly string[], max = 5): string {
  const unique = [...new Set(names)];
  const shown = unique.slice(0, max);
  const more = unique.length - shown.length;
  const text = shown.length <= 1 ? (shown[0] ?? "") : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : text;
}

// ------------------------------------------------------------------------------------ rack units

export type Face = "front" | "rear";

// A device taking rack units: a full-depth one blocks both faces of its range.
export type Occupant = {
  hostname: string;
  uLow: number;
  uHeight: number;
  face: Face;
  fullDepth: boolean;
  // the file row that puts it there, when it comes from the file
  row?: number;
};

function faces(o: Occupant): Face[] {
  return o.fullDepth ? [o.face, o.face === "front" ? "rear" : "front"] : [o.face];
}

// The face on which two devices in one cabinet would collide, or null.
export function collision(a: Occupant, b: Occupant): Face | null {
  const aHigh = a.uLow + a.uHeight - 1;
  const bHigh = b.uLow + b.uHeight - 1;
  if (a.uHeight < 1 || b.uHeight < 1 || a.uLow > bHigh || b.uLow > aHigh) return null;
  const theirs = faces(b);
  return faces(a).find((f) => theirs.includes(f)) ?? null;
}

// "U12–U14 of ORD1/C12 front are taken by app-23"
export function takenMessage(device: Occupant, cabinet: string, faces: readonly Face[], by: readonly Occupant[]): string {
  const units = formatURange(device.uLow, device.uLow + device.uHeight - 1);
  const names = by.map((o) => (o.row ? `${o.hostname} (row ${o.row})` : o.hostname));
  const verb = device.uHeight === 1 ? "is" : "are";
  const where = faces.includes("front") && faces.includes("rear") ? "front and rear" : faces[0];
  return `${units} of ${cabinet} ${where} ${verb} taken by ${listNames(names)}.`;
}

export function unitsText(uLow: number, uHeight: number): string {
  return formatURange(uLow, uLow + Math.max(uHeight, 1) - 1);
}
