// The cell values of Rackmap's CSV files (DESIGN.md, "CSV import and export"): how a cell is read
// (MAC in any notation, speeds as 10G or Mbps, yes/no) and how export writes it back, so that
// export -> import is a no-op. Pure functions plus the zod schemas built on them; the row schemas
// (csv-models.ts, csv-devices.ts, ...) and later the forms use these.
import { z } from "zod";
import { normalizeMac } from "../domain/locate-query";

// ------------------------------------------------------------------------------------ plain parsers

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

function quote(s: string): string {
  return `"${s.length > 60 ? `${s.slice(0, 57)}...` : s}"`;
}

// Any common notation: 00:1A:2B:3C:4D:5E, 00-1a-2b-3c-4d-5e, 001a.2b3c.4d5e (Cisco), 001a2b3c4d5e.
// Stored lower-case and colon-separated, as the nic_mac_format constraint wants.
// Every notation search accepts (colons, dashes, Cisco dots, HP halves, bare hex, single-digit
// pairs), stored in one: a file from any vendor's tooling imports as it is.
export function parseMac(raw: string): Parsed<string> {
  const mac = normalizeMac(raw);
  if (mac === null) return fail(`${quote(raw)} is not a MAC address: give six pairs of hex digits, like 00:1a:2b:3c:4d:5e.`);
  return ok(mac);
}

const SPEED_NAMES = [1000, 10000, 25000, 40000, 100000];

// 1G, 10G, 2.5G, 10GbE, 100M, 100Mbps or a plain number of Mbps.
export function parseSpeed(raw: string): Parsed<number> {
  const m = /^(\d+(?:\.\d+)?)\s*(g|gb|gbe|gbps|gbit|m|mb|mbps|mbit)?$/i.exec(raw.trim());
  const fix = `${quote(raw)} is not a speed: write 1G, 10G, 25G, 40G, 100G or a number of Mbps.`;
  if (!m) return fail(fix);
  const number = Number(m[1]);
  const mbps = m[2] && m[2][0]!.toLowerCase() === "g" ? number * 1000 : number;
  if (!Number.isInteger(mbps) || mbps < 1 || mbps > 10_000_000) return fail(fix);
  return ok(mbps);
}

export function formatSpeed(mbps: number | null): string {
  if (mbps === null) return "";
  return SPEED_NAMES.includes(mbps) ? `${mbps / 1000}G` : String(mbps);
}

const TRUE = new Set(["true", "yes", "1", "y", "t"]);
const FALSE = new Set(["false", "no", "0", "n", "f"]);

export function parseBool(raw: string): Parsed<boolean> {
  const s = raw.trim().toLowerCase();
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return fail(`${quote(raw)} is not true or false (yes/no and 1/0 work too).`);
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

// An address, optionally with a prefix length (10.0.0.11/24). Written the way PostgreSQL prints an
// inet, so a value read back from the database compares equal: no /32 or /128, IPv6 compressed.
export function parseIp(raw: string): Parsed<string> {
  const s = raw.trim();
  const [address = "", prefix, extra] = s.split("/");
  const fix = `${quote(raw)} is not an IP address (like 10.0.0.11 or 2001:db8::11, optionally /24).`;
  if (extra !== undefined) return fail(fix);
  let canonical: string;
  let max: number;
  if (IPV4.test(address)) {
    canonical = address;
    max = 32;
  } else if (address.includes(":") && /^[0-9a-f:.]+$/i.test(address)) {
    try {
      canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
    } catch {
      return fail(fix);
    }
    max = 128;
  } else {
    return fail(fix);
  }
  if (prefix === undefined) return ok(canonical);
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return fail(fix);
  return ok(Number(prefix) === max ? canonical : `${canonical}/${Number(prefix)}`);
}

export function parseWholeNumber(raw: string, min: number, max: number): Parsed<number> {
  const s = raw.trim();
  if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max) {
    return fail(`${quote(raw)} is not a whole number from ${min} to ${max}.`);
  }
  return ok(Number(s));
}

// COLSxROWS, e.g. 4x2 (an X or × works too)
export function parseBayLayout(raw: string): Parsed<{ columns: number; rows: number }> {
  const m = /^(\d{1,3})\s*[x×X*]\s*(\d{1,3})$/.exec(raw.trim());
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) {
    return fail(`${quote(raw)} is not a bay layout: write COLUMNSxROWS, like 4x2.`);
  }
  return ok({ columns: Number(m[1]), rows: Number(m[2]) });
}

export function formatBayLayout(columns: number | null, rows: number | null): string {
  return columns && rows ? `${columns}x${rows}` : "";
}

function splitList(raw: string): string[] {
  return raw
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

// A device's power: the names of its cabinet's feeds, A;B
export function parsePowerList(raw: string): Parsed<string[]> {
  const names = splitList(raw);
  if (names.length === 0) return fail(`${quote(raw)} names no power feed: write the feed names, like A;B.`);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) return fail(`Feed ${name} is named twice.`);
    seen.add(name);
  }
  return ok(names);
}

export function formatPowerList(names: readonly string[]): string {
  return [...names].sort(compareText).join(";");
}

export type FeedSpec = { feed: string; source: string | null };

// A cabinet's feeds and where each comes from: A:UPS-1;B:UPS-2 (a feed without a source is just A)
export function parsePowerFeeds(raw: string): Parsed<FeedSpec[]> {
  const parts = splitList(raw);
  if (parts.length === 0) return fail(`${quote(raw)} names no feed: write FEED:SOURCE pairs, like A:UPS-1;B:UPS-2.`);
  const feeds: FeedSpec[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const colon = part.indexOf(":");
    const feed = (colon < 0 ? part : part.slice(0, colon)).trim();
    const source = colon < 0 ? null : part.slice(colon + 1).trim();
    if (!feed || source === "" || (source !== null && source.includes(":"))) {
      return fail(`${quote(part)} is not a feed: write FEED:SOURCE, like A:UPS-1 (or just A).`);
    }
    if (seen.has(feed)) return fail(`Feed ${feed} is listed twice.`);
    seen.add(feed);
    feeds.push({ feed, source });
  }
  return ok(feeds);
}

export function formatPowerFeeds(feeds: readonly FeedSpec[]): string {
  return [...feeds]
    .sort((a, b) => compareText(a.feed, b.feed))
    .map((f) => (f.source ? `${f.feed}:${f.source}` : f.feed))
    .join(";");
}

// Code-unit order, the same as PostgreSQL's COLLATE "C" and JavaScript's default sort: exports
// are sorted this way so the order never depends on a server's locale.
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const HOSTNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;

// ------------------------------------------------------------------------------------ zod cells

// An empty cell means "not given": it parses to undefined, whatever the column.
const blank = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? undefined : v);

export function optionalCell<T extends z.ZodType>(schema: T) {
  return z.preprocess(blank, schema.optional());
}

// A key column: required, and named in the message when missing.
export function requiredCell<T extends z.ZodType<unknown, string>>(schema: T, missing: string) {
  return z.preprocess(blank, z.string({ error: missing }).pipe(schema));
}

function fromParser<T>(parse: (raw: string) => Parsed<T>) {
  return z.string().transform((raw, ctx): T => {
    const result = parse(raw);
    if (result.ok) return result.value;
    ctx.issues.push({ code: "custom", message: result.message, input: raw });
    return z.NEVER;
  });
}

export const textCell = (max = 1000) =>
  z
    .string()
    .trim()
    .max(max, { error: `Too long: at most ${max} characters.` });

export const nameCell = (what: string, max = 200) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what} cannot be blank.` })
    .max(max, { error: `${what} is too long: at most ${max} characters.` });

export const hostnameCell = z
  .string()
  .trim()
  .regex(HOSTNAME_PATTERN, {
    error: (issue) =>
      `${quote(String(issue.input))} is not a hostname: letters, digits, dots, hyphens and underscores, starting with a letter or digit.`,
  });

export const wholeNumberCell = (min: number, max: number) => fromParser((raw) => parseWholeNumber(raw, min, max));
export const macCell = fromParser(parseMac);
export const speedCell = fromParser(parseSpeed);
export const boolCell = fromParser(parseBool);
export const ipCell = fromParser(parseIp);
export const bayLayoutCell = fromParser(parseBayLayout);
export const powerListCell = fromParser(parsePowerList);
export const powerFeedsCell = fromParser(parsePowerFeeds);

// An enum cell, read without regard to case.
export function enumCell<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return fromParser((raw): Parsed<T[number]> => {
    const s = raw.trim().toLowerCase();
    const found = values.find((v) => v === s);
    return found ? ok(found) : fail(`${quote(raw)} is not a ${what}: write one of ${values.join(", ")}.`);
  });
}
