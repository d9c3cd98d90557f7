// Data-quality findings (DESIGN.md "Data-quality findings"): wiring and power that defeat redundancy, data
// that cannot be right, and the gaps the impact rules fill with defaults (no recorded power, no cabled data Nic).
import { cabinetKey, powerSourceKey } from "./failure-domain";
import { compareNatural, type DeviceNode, type SnapshotIndex, type SnapshotNic } from "./failure-snapshot";

export const FINDING_KINDS = [
  "bond_single_switch",
  "single_feed",
  "single_source",
  "bond_speed_mismatch",
  "bond_leg_disabled",
  "sled_bay_missing",
  "racked_without_cables",
  "power_not_recorded",
  "no_cabled_data_nic",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  deviceId: number;
  hostname: string;
  kind: FindingKind;
  message: string;
  // the device's cabinet (a sled's: its chassis' cabinet), for the cabinet page
  cabinetId: number | null;
}

function formatSpeed(mbps: number): string {
  return mbps % 1000 === 0 ? `${mbps / 1000}G` : `${mbps} Mbps`;
}

function nicList(nics: readonly SnapshotNic[]): string {
  return nics.map((nic) => nic.name).join(", ");
}

function bondFindings(index: SnapshotIndex, node: DeviceNode, add: (kind: FindingKind, message: string) => void): void {
  for (const bond of index.nicsByDevice.get(node.device.id) ?? []) {
    if (bond.kind !== "bond") continue;
    const legs = [...(index.membersByBond.get(bond.id) ?? [])].sort((a, b) => compareNatural(a.name, b.name));
    if (legs.length === 0) continue;

    // legs all on one switch: the switch is a single point of failure the bond was meant to remove.
    // A switch's own LAG towards one server is normal, so a switch is only flagged for legs to one switch.
    const cabled = legs.filter((leg) => index.peerOfNic.has(leg.id));
    if (cabled.length >= 2) {
      const peers = new Set(cabled.map((leg) => index.peerOfNic.get(leg.id)!.deviceId));
      if (peers.size === 1) {
        const peer = index.deviceById.get([...peers][0]!)!;
        if (!node.isSwitch || peer.kind === "switch") {
          add("bond_single_switch", `all ${cabled.length} legs of ${bond.name} (${nicList(cabled)}) reach ${peer.hostname}: one switch takes the bond down`);
        }
      }
    }

    const speeds = new Set(legs.map((leg) => leg.speedMbps).filter((s): s is number => s !== null));
    if (speeds.size > 1) {
      const described = legs.filter((leg) => leg.speedMbps !== null).map((leg) => `${leg.name} ${formatSpeed(leg.speedMbps!)}`);
      add("bond_speed_mismatch", `legs of ${bond.name} run at different speeds: ${described.join(", ")}`);
    }

    const problems: string[] = [];
    for (const leg of legs) {
      if (!leg.enabled) {
        problems.push(`${leg.name} is disabled`);
        continue;
      }
      const port = index.peerOfNic.get(leg.id);
      if (port !== undefined && !port.enabled) {
        problems.push(`${leg.name}'s port ${index.deviceById.get(port.deviceId)!.hostname} ${port.name} is disabled`);
      }
    }
    if (problems.length > 0) add("bond_leg_disabled", `${bond.name}: ${problems.join("; ")}`);
  }
}

function powerFindings(index: SnapshotIndex, node: DeviceNode, add: (kind: FindingKind, message: string) => void): void {
  const { device, cabinet } = node;
  // a sled's power is its chassis' (findings about it belong to the chassis); a PDU is the feed itself
  if (node.chassis !== null || device.kind === "pdu" || cabinet === null) return;
  const where = cabinetKey(index, cabinet.id);
  const cabinetFeeds = index.feedsByCabinet.get(cabinet.id) ?? [];
  if (device.feedIds.length === 0) {
    add(
      "power_not_recorded",
      cabinetFeeds.length > 0
        ? `no power recorded: assumed to draw on every feed of ${where} (${cabinetFeeds.map((f) => f.name).join(", ")})`
        : `no power recorded, and cabinet ${where} has no feeds: no power failure can reach it`,
    );
    return;
  }
  const feeds = [...new Set(device.feedIds)].map((id) => index.powerFeedById.get(id)!);
  if (feeds.length === 1 && cabinetFeeds.length >= 2) {
    add("single_feed", `draws only on feed ${feeds[0]!.name} of ${where}, which has ${cabinetFeeds.length} feeds`);
    return;
  }
  if (feeds.length >= 2 && feeds.every((f) => f.sourceId !== null && f.sourceId === feeds[0]!.sourceId)) {
    const cabinetSources = new Set(cabinetFeeds.map((f) => f.sourceId).filter((s) => s !== null));
    if (cabinetSources.size >= 2) {
      const names = feeds.map((f) => f.name).sort(compareNatural).join(", ");
      add(
        "single_source",
        `feeds ${names} all come from ${powerSourceKey(index, feeds[0]!.sourceId!)}, while ${where} has feeds from ${cabinetSources.size} sources`,
      );
    }
  }
}

const NEEDS_DATA_NIC = new Set(["server", "sled", "storage"]);
const RACKED_SERVER = new Set(["server", "storage"]);

function placementAndCableFindings(index: SnapshotIndex, node: DeviceNode, add: (kind: FindingKind, message: string) => void): void {
  const { device } = node;
  if (node.chassis !== null) {
    const bays = node.chassisModel!.bays;
    const chassis = `${node.chassis.hostname} (${node.chassisModel!.name})`;
    if (device.bay === null) add("sled_bay_missing", `sits in chassis ${chassis} with no bay recorded`);
    else if (bays <= 0) add("sled_bay_missing", `sits in bay ${device.bay} of chassis ${chassis}, whose model has no bays`);
    else if (device.bay < 1 || device.bay > bays) {
      add("sled_bay_missing", `sits in bay ${device.bay} of chassis ${chassis}, which has bays 1-${bays}`);
    }
  }

  const nics = index.nicsByDevice.get(device.id) ?? [];
  const racked = device.cabinetId !== null && node.chassis === null;
  if (racked && RACKED_SERVER.has(device.kind) && !nics.some((nic) => index.peerOfNic.has(nic.id))) {
    add("racked_without_cables", `racked in ${cabinetKey(index, device.cabinetId!)} but no cable is recorded on any of its Nics`);
    return;
  }
  const placed = node.cabinet !== null;
  if (placed && NEEDS_DATA_NIC.has(device.kind) && node.paths.length === 0) {
    const data = nics.filter((nic) => nic.kind === "nic");
    const cabledData = data.filter((nic) => index.peerOfNic.has(nic.id));
    const why =
      data.length === 0
        ? "no data Nic recorded"
        : cabledData.length === 0
          ? "no data Nic is cabled"
          : "every cabled data Nic is disabled (or its bond or switch port is)";
    add("no_cabled_data_nic", `${why}: switch failures are assumed not to affect it`);
  }
}

// Every finding, sorted by hostname, then kind (in FINDING_KINDS order), then message.
export function findings(index: SnapshotIndex): Finding[] {
  const list: Finding[] = [];
  for (const node of index.nodes) {
    const add = (kind: FindingKind, message: string) =>
      list.push({ deviceId: node.device.id, hostname: node.device.hostname, kind, message, cabinetId: node.cabinet?.id ?? null });
    bondFindings(index, node, add);
    powerFindings(index, node, add);
    placementAndCableFindings(index, node, add);
  }
  return list.sort(
    (a, b) =>
      compareNatural(a.hostname, b.hostname) ||
      FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind) ||
      compareNatural(a.message, b.message),
  );
}

// Findings of one device, or of every device in one cabinet (sleds count in their chassis' cabinet).
export function filterFindings(list: readonly Finding[], filter: { deviceId?: number; cabinetId?: number }): Finding[] {
  return list.filter(
    (f) =>
      (filter.deviceId === undefined || f.deviceId === filter.deviceId) &&
      (filter.cabinetId === undefined || f.cabinetId === filter.cabinetId),
  );
}
