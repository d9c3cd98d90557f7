import type { DeviceNode } from "@/lib/domain/failure-snapshot";

// "Room A · A02 · U7", a sled "Room A · A02 · U7 · chassis-a02-u07 bay 1", unplaced: the site or "not placed"
export function placeOfNode(node: DeviceNode): string {
  const parts: string[] = [];
  if (node.room !== null) parts.push(node.room.name);
  if (node.cabinet !== null) parts.push(node.cabinet.name);
  const u = (node.chassis ?? node.device).uLow;
  if (node.cabinet !== null && u !== null && u !== undefined) parts.push(`U${u}`);
  if (node.chassis !== null) parts.push(`${node.chassis.hostname} bay ${node.device.bay ?? "?"}`);
  if (parts.length === 0) return node.site !== null ? `${node.site.name} (not racked)` : "not placed";
  return parts.join(" · ");
}
