import "server-only";
import { db } from "./client";

// name -> description, for pages that take everything else from the failure-domain snapshot
export async function listServiceDescriptions(): Promise<Map<string, string>> {
  const services = await db().service.findMany({ select: { name: true, description: true } });
  return new Map(services.map((s) => [s.name, s.description]));
}

export async function getServiceInfo({ name }: { name: string }): Promise<{ id: number; name: string; description: string; minUp: number } | null> {
  return db().service.findUnique({ where: { name }, select: { id: true, name: true, description: true, minUp: true } });
}
