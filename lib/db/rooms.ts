import "server-only";
import { listCabinetsByRoom, type CabinetRow } from "./cabinets";
import { db } from "./client";

export type RoomDetail = {
  id: number;
  name: string;
  notes: string;
  site: { id: number; name: string };
  // sorted by name: the order they stand in, left to right facing the cold aisle
  cabinets: CabinetRow[];
};

export async function getRoom({ id }: { id: number }): Promise<RoomDetail | null> {
  const [room, cabinets] = await Promise.all([
    db().room.findUnique({
      where: { id },
      select: { id: true, name: true, notes: true, site: { select: { id: true, name: true } } },
    }),
    listCabinetsByRoom({ roomId: id }),
  ]);
  return room ? { ...room, cabinets } : null;
}
