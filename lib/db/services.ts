import "server-only";
import { db } from "./client";
import type { DeviceStatus } from "./generated/enums";

export type ServiceRow = {
  id: number;
  name: string;
  description: string;
  minUp: number;
  memberCount: number;
  // the first members by hostname; memberCount says how many there are in all
  members: { hostname: string; role: string; status: DeviceStatus }[];
};

export async function listServices({ membersPerService = 60 }: { membersPerService?: number } = {}): Promise<
  ServiceRow[]
> {
  const services = await db().service.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      minUp: true,
      _count: { select: { members: true } },
      members: {
        orderBy: { device: { hostname: "asc" } },
        take: membersPerService,
        select: { role: true, device: { select: { hostname: true, status: true } } },
      },
    },
  });
  return services.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    minUp: s.minUp,
    memberCount: s._count.members,
    members: s.members.map((m) => ({ hostname: m.device.hostname, role: m.role, status: m.device.status })),
  }));
}
