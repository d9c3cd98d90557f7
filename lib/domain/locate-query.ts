// What an operator typed into the search box, read every way it could be meant: a hostname, a
// service tag or asset tag or cable label, a MAC in any common notation, an IP address, or
// "<device> <port>" (`tor-c12-a Te1/0/7`). Pure: lib/db/locate.ts turns the result into SQL, and
// the search page uses the helpers at the bottom to decide between a redirect and a list.
//
// Normalisation, decided once here (see docs/locate.md):
// - Hostnames compare case-insensitively (the database's unique index is on lower(hostname)).
// - Serials, asset tags and cable labels compare case-insensitively, ignoring surrounding
//   whitespace. Spaces and dashes inside are significant: vendors' serials and our cable labels
//   contain dashes (`ORD1-A01-0007`), and the unique index is on upper(serial), so `AB-12` and
//   `AB12` may be two different devices. Runs of inner whitespace count as one space.
// - A MAC is rewritten to the stored form (lower-case, colon-separated, see the CHECK
//   nic_mac_format) from colon/dash pairs (with or without leading zeros), Cisco dotted quads,
//   HP's `001a2b-3c4d5e` and bare hex. Only whole MACs are matched, never parts of one.
// - An IPv4 or IPv6 address matches whatever the prefix length it was stored with; a prefix length
//   in the query is ignored (`10.0.0.11/24` finds 10.0.0.11).

export const MAX_QUERY_LENGTH = 200;
// Substring matching goes through pg_trgm's index, and needs three letters or digits in a row: a
// fragment without them (`1-00`, `10.0`) gives the index only trigrams padded at a word's edge
// ("  0"), which nearly every cable label has, and it would hand back every row to recheck.
export const MIN_SUBSTRING_LENGTH = 3;
const TRIGRAM = new RegExp(`[\\p{L}\\p{N}]{${MIN_SUBSTRING_LENGTH}}`, "u");

export type MatchedOn = "hostname" | "serial" | "assetTag" | "mac" | "ip" | "oobIp" | "cableLabel" | "switchPort";
// the order matches of the same precision are listed in
export const MATCHED_ON: readonly MatchedOn[] = ["hostname", "serial", "assetTag", "mac", "ip", "oobIp", "switchPort", "cableLabel"];
export type MatchType = "exact" | "prefix" | "substring";

export type LocateQuery = {
  // trimmed, inner whitespace runs collapsed to one space
  text: string;
  // lower-cased, when the text could be (part of) a hostname
  hostname: string | null;
  // upper-cased, for serials, asset tags and cable labels
  key: string;
  // whether prefix and substring matching make sense (not for an address, which is matched whole)
  partial: boolean;
  // long enough for substring matching through a trigram index
  substring: boolean;
  mac: string | null;
  ip: { address: string; version: 4 | 6 } | null;
  switchPort: { hostname: string; port: string; portNames: string[] } | null;
};

export type ParsedLocateQuery = { ok: true; query: LocateQuery } | { ok: false; error: string };

// the CHECK device_hostname_format, and the characters a fragment of a hostname may have
const HOSTNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;
const HOSTNAME_FRAGMENT = /^[A-Za-z0-9._-]+$/;
// Te1/0/7, eth0, xe-0/0/1, Ethernet1/1, swp12, idrac, mgmt0
const PORT = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;

export function parseLocateQuery(raw: string | null | undefined): ParsedLocateQuery {
  const text = (raw ?? "").trim().replace(/\s+/g, " ");
  if (text === "") {
    return { ok: false, error: "Type what you are looking for: a hostname, a service tag, a MAC, an IP, a cable label or a switch port." };
  }
  if (text.length > MAX_QUERY_LENGTH) {
    return { ok: false, error: `A search is at most ${MAX_QUERY_LENGTH} characters; this one has ${text.length}.` };
  }
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    return { ok: false, error: "The search contains control characters; type or paste plain text." };
  }
  const mac = normalizeMac(text);
  const ip = parseIp(text);
  const partial = ip === null && (mac === null || /^[0-9a-f]{12}$/i.test(text));
  return {
    ok: true,
    query: {
      text,
      hostname: HOSTNAME_FRAGMENT.test(text) ? text.toLowerCase() : null,
      key: text.toUpperCase(),
      partial,
      substring: partial && TRIGRAM.test(text),
      mac,
      ip,
      switchPort: parseSwitchPort(text),
    },
  };
}

// ------------------------------------------------------------------------------------ MAC

const HEX = "[0-9a-fA-F]";

/** A MAC in any common notation, in the stored form (`00:1a:2b:3c:4d:5e`); null if it is not one. */
export function normalizeMac(input: string): string | null {
  const s = input.trim();
  let hex: string | null = null;
  // 00:1A:2B:3C:4D:5E, 00-1a-2b-3c-4d-5e, 0:1a:2b:3c:4d:5e (one separator throughout)
  const pairs = new RegExp(`^(${HEX}{1,2})([:-])(${HEX}{1,2})\\2(${HEX}{1,2})\\2(${HEX}{1,2})\\2(${HEX}{1,2})\\2(${HEX}{1,2})$`).exec(s);
  if (pairs) {
    hex = [pairs[1], pairs[3], pairs[4], pairs[5], pairs[6], pairs[7]].map((p) => p!.padStart(2, "0")).join("");
  } else if (
    // 001a.2b3c.4d5e (Cisco), 001a2b-3c4d5e (HP), 001A2B3C4D5E
    new RegExp(`^${HEX}{4}([.:-])${HEX}{4}\\1${HEX}{4}$`).test(s) ||
    new RegExp(`^${HEX}{6}[-:]${HEX}{6}$`).test(s) ||
    new RegExp(`^${HEX}{12}$`).test(s)
  ) {
    hex = s.replace(/[.:-]/g, "");
  }
  if (hex === null) return null;
  return hex.toLowerCase().match(/../g)!.join(":");
}

// ------------------------------------------------------------------------------------ IP

function parseIpv4(s: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const octets = m.slice(1, 5).map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

// eight 16-bit groups, or null
function parseIpv6(s: string): number[] | null {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(":")) return null;
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (part: string): number[] | null => {
    if (part === "") return [];
    const groups: number[] = [];
    const pieces = part.split(":");
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes(".")) {
        const v4 = parseIpv4(piece);
        if (!v4) return null;
        groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return null;
  // an embedded IPv4 address belongs at the end only
  if (halves.length === 2 && halves[0]!.includes(".")) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : null;
}

// RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as "::"
function formatIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (g: number[]) => g.map((n) => n.toString(16)).join(":");
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return `::ffff:${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

/** An IPv4 or IPv6 address (a prefix length is dropped), canonically written; null if it is not one. */
export function parseIp(input: string): { address: string; version: 4 | 6 } | null {
  const m = /^([^/\s]+)(?:\/(\d{1,3}))?$/.exec(input.trim());
  if (!m) return null;
  const v4 = parseIpv4(m[1]!);
  if (v4) return m[2] !== undefined && Number(m[2]) > 32 ? null : { address: v4.join("."), version: 4 };
  const v6 = parseIpv6(m[1]!);
  if (v6) return m[2] !== undefined && Number(m[2]) > 128 ? null : { address: formatIpv6(v6), version: 6 };
  return null;
}

// ------------------------------------------------------------------------------------ switch port

// Cisco-style short and long interface names; either spelling finds the other.
const PORT_PREFIXES: readonly [string, string][] = [
  ["fa", "fastethernet"],
  ["gi", "gigabitethernet"],
  ["te", "tengigabitethernet"],
  ["tw", "twentyfivegige"],
  ["fo", "fortygigabitethernet"],
  ["hu", "hundredgige"],
  ["eth", "ethernet"],
  ["po", "port-channel"],
];

/** The lower-cased spellings of a port name to look for: as typed, and its short or long form. */
export function portNameVariants(port: string): string[] {
  const p = port.toLowerCase();
  const variants = new Set([p]);
  const m = /^([a-z-]+)(\d.*)$/.exec(p);
  if (m) {
    for (const [short, long] of PORT_PREFIXES) {
      if (m[1] === short || m[1] === long) {
        variants.add(short + m[2]);
        variants.add(long + m[2]);
      }
    }
  }
  return [...variants];
}

function parseSwitchPort(text: string): LocateQuery["switchPort"] {
  const tokens = text.split(" ");
  // `tor-c12-a Te 1/0/7`: a port name split after its letters
  if (tokens.length === 3 && /^[A-Za-z-]+$/.test(tokens[1]!) && /^\d/.test(tokens[2]!)) tokens.splice(1, 2, tokens[1]! + tokens[2]!);
  if (tokens.length !== 2) return null;
  const [hostname, port] = tokens as [string, string];
  if (!HOSTNAME.test(hostname) || !PORT.test(port)) return null;
  return { hostname: hostname.toLowerCase(), port, portNames: portNameVariants(port) };
}

// ------------------------------------------------------------------------------------ results

// the keys that name exactly one device: an exact hit on one of them is the device asked for
const UNIQUE_KEYS: ReadonlySet<MatchedOn> = new Set(["hostname", "serial", "assetTag", "mac", "switchPort"]);

/**
 * The device to go straight to: every exact match names the same device, and at least one of them
 * is on a key that is unique to a device. Otherwise null, and the matches are listed.
 */
export function uniqueExactMatch(matches: readonly { hostname: string; matchedOn: MatchedOn; matchType: MatchType }[]): string | null {
  const exact = matches.filter((m) => m.matchType === "exact");
  const hostnames = new Set(exact.map((m) => m.hostname));
  if (hostnames.size !== 1 || !exact.some((m) => UNIQUE_KEYS.has(m.matchedOn))) return null;
  return exact[0]!.hostname;
}

/**
 * Where in a matched value the query is, to highlight it: [start, end) of the first
 * case-insensitive occurrence of the query's text, the whole value for an exact match or a match
 * on a normalised form (a MAC in another notation, an IP, a switch port), or null.
 */
export function highlightRange(value: string, query: LocateQuery, match: { matchedOn: MatchedOn; matchType: MatchType }): [number, number] | null {
  if (match.matchType === "exact" || match.matchedOn === "mac" || match.matchedOn === "ip" || match.matchedOn === "oobIp" || match.matchedOn === "switchPort") {
    return [0, value.length];
  }
  const at = value.toLowerCase().indexOf(query.text.toLowerCase());
  return at < 0 ? null : [at, at + query.text.length];
}
