// The hosts "inside" a failure domain, for the domain browser: what is in a place, draws on a feed or a
// source, is cabled to a switch, runs a driver on a data path, or is of a model. This is who lives there,
// not the blast radius (computeImpact says who goes down).
import type { ResolvedDomain } from "./failure-domain";
import type { DeviceNode, SnapshotIndex } from "./failure-snapshot";

// how the relation reads after a count ("34 hosts in it")
export const DOMAIN_HOSTS_RELATION = {
  site: "at this site",
  room: "in this room",
  cabinet: "in this cabinet",
  power_source: "drawing on its feeds",
  power_feed: "drawing on it",
  device: "in it or cabled to it",
  nic_driver: "with a data path on it",
  model: "of this model",
} as const;

// sorted by hostname; for a device: the device, the sleds in it, and the devices with a data path to it
export function hostsOfDomain(index: SnapshotIndex, domain: ResolvedDomain): DeviceNode[] {
  let nodes: readonly DeviceNode[];
  switch (domain.type) {
    case "site":
      nodes = index.nodesBySite.get(domain.id) ?? [];
      break;
    case "room":
      nodes = index.nodesByRoom.get(domain.id) ?? [];
      break;
    case "cabinet":
      nodes = index.nodesByCabinet.get(domain.id) ?? [];
      break;
    case "power_feed":
      nodes = index.nodesByFeed.get(domain.id) ?? [];
      break;
    case "power_source": {
      const set = new Set<DeviceNode>();
      for (const feed of index.feedsBySource.get(domain.id) ?? []) for (const node of index.nodesByFeed.get(feed.id) ?? []) set.add(node);
      nodes = [...set];
      break;
    }
    case "device": {
      const self = index.nodeByDeviceId.get(domain.id);
      const set = new Set<DeviceNode>(self === undefined ? [] : [self]);
      for (const sled of index.sledsByChassis.get(domain.id) ?? []) set.add(index.nodeByDeviceId.get(sled.id)!);
      for (const node of index.nodesByPathPeer.get(domain.id) ?? []) set.add(node);
      nodes = [...set];
      break;
    }
    case "nic_driver":
      nodes = index.nodesByPathDriver.get(domain.id) ?? [];
      break;
    case "model":
      nodes = index.nodesByModel.get(domain.id) ?? [];
      break;
  }
  // by the index's hostname ranks: the same order as compareNatural, without comparing 35k names (a driver)
  return [...nodes].sort((a, b) => index.hostnameRank[a.idx]! - index.hostnameRank[b.idx]!);
}
