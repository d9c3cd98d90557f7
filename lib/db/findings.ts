import "server-only";
// Data-quality findings (lib/domain/findings.ts, lib/domain/cabinet-findings.ts) for the findings page, a
// device and a cabinet. The device and cabinet reads use a scoped snapshot (the devices, their chassis and
// what they are cabled to), so a device page does not read the whole inventory; the rules see exactly what
// they would see in the full one.
import { cabinetFindings, type CabinetFinding } from "../domain/cabinet-findings";
import { filterFindings, findings, type Finding } from "../domain/findings";
import { getFailureIndex, loadCabinetSnapshot, loadDeviceSnapshot } from "./failure-snapshot";

export type { Finding, FindingKind } from "../domain/findings";
export type { CabinetFinding } from "../domain/cabinet-findings";

// every finding in the inventory: per device (sorted by hostname, kind, message) and per cabinet
export async function listFindings(): Promise<{ devices: Finding[]; cabinets: CabinetFinding[] }> {
  const index = await getFailureIndex();
  return { devices: findings(index), cabinets: cabinetFindings(index) };
}

// a device's findings (empty for an unknown hostname)
export async function listFindingsForDevice(hostname: string): Promise<Finding[]> {
  const loaded = await loadDeviceSnapshot(hostname);
  if (loaded === null) return [];
  return filterFindings(findings(loaded.index), { deviceId: loaded.deviceId });
}

// the findings of every device in a cabinet (sleds of its chassis included), and of the cabinet itself
export async function listCabinetFindingsAll(cabinetId: number): Promise<{ devices: Finding[]; cabinet: CabinetFinding[] }> {
  const index = await loadCabinetSnapshot(cabinetId);
  return {
    devices: filterFindings(findings(index), { cabinetId }),
    cabinet: cabinetFindings(index).filter((f) => f.cabinetId === cabinetId),
  };
}

// the findings of every device in a cabinet, sleds of its chassis included
export async function listFindingsForCabinet(cabinetId: number): Promise<Finding[]> {
  return (await listCabinetFindingsAll(cabinetId)).devices;
}
