// The front of a chassis as a grid of bays, from its model's bay geometry. Bays are numbered row by row from the
// top left (DESIGN.md), so bay 1 is the top-left cell; rows and columns here count from 1 as well.

export type ChassisSledInput = { id: number; hostname: string; bay: number | null };

export type ChassisLayoutInput = {
  bays: number | null | undefined;
  bayColumns?: number | null;
  bayRows?: number | null;
  sleds: readonly ChassisSledInput[];
  highlightDeviceIds?: readonly number[];
  // only used to name the chassis in problem sentences
  hostname?: string;
};

export type ChassisCell = {
  bay: number;
  column: number;
  row: number;
  sled?: { id: number; hostname: string };
  highlighted: boolean;
  // the grid has this position but the model has fewer bays (e.g. 3 bays in a 2x2 layout): a blank plate, not a bay
  missing: boolean;
};

export type ChassisProblem = { deviceId: number; hostname: string; message: string };

export type ChassisLayout = {
  bays: number;
  columns: number;
  rows: number;
  cells: ChassisCell[];
  problems: ChassisProblem[];
};

function positiveInt(n: number | null | undefined): number | null {
  return typeof n === "number" && Number.isInteger(n) && n > 0 ? n : null;
}

function gridFor(bays: number, bayColumns: number | null, bayRows: number | null): { columns: number; rows: number } {
  if (bays === 0 && !(bayColumns && bayRows)) return { columns: 0, rows: 0 };
  if (bayColumns && bayRows) {
    // a layout too small for the model's bay count would hide bays; grow it downwards rather than lose sleds
    return { columns: bayColumns, rows: Math.max(bayRows, Math.ceil(bays / bayColumns)) };
  }
  if (bayColumns) return { columns: bayColumns, rows: Math.max(1, Math.ceil(bays / bayColumns)) };
  if (bayRows) return { columns: Math.max(1, Math.ceil(bays / bayRows)), rows: bayRows };
  return { columns: bays, rows: 1 };
}

export function buildChassisLayout(input: ChassisLayoutInput): ChassisLayout {
  const bays = positiveInt(input.bays) ?? 0;
  const { columns, rows } = gridFor(bays, positiveInt(input.bayColumns), positiveInt(input.bayRows));
  const highlight = new Set(input.highlightDeviceIds ?? []);
  const chassisName = input.hostname ? `chassis ${input.hostname}` : "its chassis";

  const cells: ChassisCell[] = [];
  for (let i = 0; i < columns * rows; i++) {
    cells.push({ bay: i + 1, column: (i % columns) + 1, row: Math.floor(i / columns) + 1, highlighted: false, missing: i + 1 > bays });
  }

  const problems: ChassisProblem[] = [];
  for (const sled of input.sleds) {
    const problem = (message: string) => problems.push({ deviceId: sled.id, hostname: sled.hostname, message });
    if (sled.bay === null) {
      problem(`${sled.hostname} is in ${chassisName} but has no bay recorded.`);
      continue;
    }
    if (!Number.isInteger(sled.bay) || sled.bay < 1 || sled.bay > bays) {
      const has = bays === 0 ? "which has no bays" : `which has bays 1–${bays}`;
      problem(`${sled.hostname} is in bay ${sled.bay} of ${chassisName}, ${has}.`);
      continue;
    }
    const cell = cells[sled.bay - 1];
    if (!cell) continue;
    if (cell.sled) {
      problem(`${sled.hostname} is in bay ${sled.bay} of ${chassisName}, which ${cell.sled.hostname} already fills.`);
      continue;
    }
    cell.sled = { id: sled.id, hostname: sled.hostname };
    cell.highlighted = highlight.has(sled.id);
  }

  return { bays, columns, rows, cells, problems };
}
