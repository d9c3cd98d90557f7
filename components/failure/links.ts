// Links into the failure-domain pages, for any page that shows a cabinet, device, feed or source.
// The what-if scenario lives in the URL (`/what-if?f=cabinet:ORD1/C12&f=device:tor-c12-a`), so a link can
// be pasted into a chat; `:` and `/` stay readable, everything else is percent-encoded.

export function cabinetDomainRef(site: string, cabinet: string): string {
  return `cabinet:${site}/${cabinet}`;
}

export function deviceDomainRef(hostname: string): string {
  return `device:${hostname}`;
}

export function powerFeedDomainRef(site: string, cabinet: string, feed: string): string {
  return `power_feed:${site}/${cabinet}/${feed}`;
}

export function powerSourceDomainRef(site: string, source: string): string {
  return `power_source:${site}/${source}`;
}

export function roomDomainRef(site: string, room: string): string {
  return `room:${site}/${room}`;
}

function encodeRef(ref: string): string {
  return encodeURIComponent(ref).replace(/%3A/gi, ":").replace(/%2F/gi, "/");
}

// `/what-if?f=<ref>&f=<ref>`: the impact of these domains failing together
export function whatIfHref(refs: readonly string[]): string {
  if (refs.length === 0) return "/what-if";
  return `/what-if?${refs.map((ref) => `f=${encodeRef(ref)}`).join("&")}`;
}

export function serviceHref(name: string): string {
  return `/services/${encodeURIComponent(name)}`;
}

export function deviceHref(hostname: string): string {
  return `/devices/${encodeURIComponent(hostname)}`;
}

export function domainsHref(type: string, options: { q?: string; page?: number } = {}): string {
  const params = new URLSearchParams({ type });
  if (options.q) params.set("q", options.q);
  if (options.page !== undefined && options.page > 1) params.set("page", String(options.page));
  return `/domains?${params}`;
}
