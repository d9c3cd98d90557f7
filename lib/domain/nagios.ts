// Nagios host definitions from the inventory (GET /api/v1/monitoring/nagios). A host's `parents` are the
// switches its data paths reach — the same paths the impact engine uses: enabled data Nics (bond legs
// included), not in a disabled bond, cabled to an enabled port. So Nagios tells "unreachable behind
// tor-c12-a and tor-c12-b" from "down" exactly where the what-if page would. Out-of-band cabling is not a
// parent: Nagios checks hosts over their data addresses. A switch gets no parents (like the engine, it
// does not depend on its uplinks, which the inventory does not model as a path).
import { compareNatural, type DeviceStatus, type SnapshotIndex } from "./failure-snapshot";

// not running yet (or any more): no host definition, and never a parent
export const NAGIOS_SKIPPED_STATUSES: readonly DeviceStatus[] = ["planned", "inventory"];

export interface NagiosHost {
  hostname: string;
  address: string;
  alias: string;
  parents: string[];
  // site/room/cabinet/U (a sled: its chassis' U and bay), or null when unplaced
  location: string | null;
}

// Every running device that has an address (primary IP, else out-of-band IP) or is a parent of one; an
// included device with neither is addressed by its hostname. Sorted by hostname.
export function nagiosHosts(index: SnapshotIndex, primaryIps: ReadonlyMap<number, string>): NagiosHost[] {
  const running = (status: DeviceStatus) => !NAGIOS_SKIPPED_STATUSES.includes(status);
  const parentsOf = new Map<number, number[]>();
  const isParent = new Set<number>();
  for (const node of index.nodes) {
    if (node.isSwitch || !running(node.device.status)) continue;
    const parents = new Set<number>();
    for (const path of node.paths) if (path.peer.kind === "switch" && running(path.peer.status)) parents.add(path.peer.id);
    if (parents.size > 0) {
      parentsOf.set(node.device.id, [...parents]);
      for (const id of parents) isParent.add(id);
    }
  }

  const hosts: NagiosHost[] = [];
  for (const node of index.nodes) {
    const { device } = node;
    if (!running(device.status)) continue;
    const address = primaryIps.get(device.id) ?? (device.oobIp !== null && device.oobIp !== "" ? device.oobIp : null);
    if (address === null && !isParent.has(device.id)) continue;
    const location = locationOf(index, node.device.id);
    hosts.push({
      hostname: device.hostname,
      address: address ?? device.hostname,
      alias: `${device.hostname} (${[node.model.name, location].filter(Boolean).join(", ")})`,
      parents: (parentsOf.get(device.id) ?? []).map((id) => index.deviceById.get(id)!.hostname).sort(compareNatural),
      location,
    });
  }
  return hosts.sort((a, b) => compareNatural(a.hostname, b.hostname));
}

function locationOf(index: SnapshotIndex, deviceId: number): string | null {
  const node = index.nodeByDeviceId.get(deviceId)!;
  const parts: string[] = [];
  if (node.site !== null) parts.push(node.site.name);
  if (node.room !== null) parts.push(node.room.name);
  if (node.cabinet !== null) parts.push(node.cabinet.name);
  const u = (node.chassis ?? node.device).uLow;
  if (node.cabinet !== null && u !== null && u !== undefined) parts.push(`U${u}`);
  if (node.chassis !== null) parts.push(`${node.chassis.hostname} bay ${node.device.bay ?? "?"}`);
  return parts.length > 0 ? parts.join("/") : null;
}

// Nagios object syntax: a directive's value runs to the end of the line, and `;` starts a comment
function clean(value: string): string {
  return value.replace(/[\r\n;]+/g, " ").replace(/\s+/g, " ").trim();
}

export function formatNagiosHosts(
  hosts: readonly NagiosHost[],
  { template, header, notesUrl }: { template: string; header: readonly string[]; notesUrl?: (hostname: string) => string },
): string {
  const out: string[] = header.map((line) => `# ${line}`);
  out.push("");
  for (const host of hosts) {
    const lines: [string, string][] = [
      ["use", template],
      ["host_name", host.hostname],
      ["alias", host.alias],
      ["address", host.address],
    ];
    if (host.parents.length > 0) lines.push(["parents", host.parents.join(", ")]);
    if (notesUrl !== undefined) lines.push(["notes_url", notesUrl(host.hostname)]);
    if (host.location !== null) lines.push(["_rackmap_location", host.location]);
    out.push("define host {");
    for (const [directive, value] of lines) out.push(`    ${directive.padEnd(20)}${clean(value)}`);
    out.push("}", "");
  }
  return out.join("\n");
}
