// en-US everywhere so server-rendered numbers do not depend on the host's locale
export function formatNumber(n: number): string {
  return n.toLocaleString("en-US");
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${formatNumber(n)} ${n === 1 ? word : pluralWord}`;
}

// Ops read times in UTC across sites; a fixed format also keeps server output deterministic.
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

// Link speeds as ops say them: 1G, 10G, 25G, 100M; odd values in Mbps.
export function formatSpeed(mbps: number | null): string {
  if (mbps === null) return "—";
  if (mbps >= 1000 && mbps % 1000 === 0) return `${mbps / 1000}G`;
  if (mbps === 100 || mbps === 10) return `${mbps}M`;
  return `${formatNumber(mbps)} Mbps`;
}
