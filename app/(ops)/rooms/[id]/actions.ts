"use server";

import { createElement } from "react";
import { z } from "zod";
import { RowCabinet } from "@/components/row-cabinet";
import { canRead } from "@/lib/auth/permissions";
import { requireAction } from "@/lib/auth/viewer";
import { getCabinetElevation } from "@/lib/db/cabinets";

const rowCabinetInput = z.object({ cabinetId: z.number().int().positive().max(2 ** 31 - 1), face: z.enum(["front", "rear"]) });

// The room page's row view draws its first cabinets on the server and asks for the others, one by one, as they
// scroll into view: a rendered drawing, not data, so the browser needs no drawing code of its own.
export async function loadRowCabinet(cabinetId: unknown, face: unknown) {
  await requireAction(canRead);
  const parsed = rowCabinetInput.safeParse({ cabinetId, face });
  if (!parsed.success) return null;
  const elevation = await getCabinetElevation({ id: parsed.data.cabinetId });
  return elevation ? createElement(RowCabinet, { elevation, face: parsed.data.face }) : null;
}
