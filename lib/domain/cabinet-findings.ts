// Cabinet-level power findings, beside the per-device ones of findings.ts: a cabinet with two or more feeds
// that all come from one power source looks redundant on the floor (A and B whips) but loses everything
// when that source fails. Its devices draw on both feeds, so no per-device rule sees it.
import { cabinetKey, powerSourceKey } from "./failure-domain";
import { compareNatural, type SnapshotIndex } from "./failure-snapshot";

export interface CabinetFinding {
  cabinetId: number;
  // site/cabinet
  cabinet: string;
  kind: "cabinet_single_source";
  message: string;
  // `power_source:site/source`, the one source
  sourceRef: string;
  // how many devices are in it (sleds included)
  devices: number;
}

export function cabinetFindings(index: SnapshotIndex): CabinetFinding[] {
  const list: CabinetFinding[] = [];
  for (const cabinet of index.snapshot.cabinets) {
    const feeds = index.feedsByCabinet.get(cabinet.id) ?? [];
    if (feeds.length < 2) continue;
    const source = feeds[0]!.sourceId;
    if (source === null || !feeds.every((f) => f.sourceId === source)) continue;
    const key = cabinetKey(index, cabinet.id);
    list.push({
      cabinetId: cabinet.id,
      cabinet: key,
      kind: "cabinet_single_source",
      message: `feeds ${feeds.map((f) => f.name).join(", ")} of ${key} all come from ${powerSourceKey(index, source)}: that one source takes the whole cabinet down`,
      sourceRef: `power_source:${powerSourceKey(index, source)}`,
      devices: index.nodesByCabinet.get(cabinet.id)?.length ?? 0,
    });
  }
  return list.sort((a, b) => compareNatural(a.cabinet, b.cabinet));
}
