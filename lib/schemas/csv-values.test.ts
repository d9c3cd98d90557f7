import { describe, expect, it } from "vitest";
import {
  formatPowerFeeds,
  formatSpeed,
  parseBayLayout,
  parseBool,
  parseIp,
  parseMac,
  parsePowerFeeds,
  parsePowerList,
  parseSpeed,
  parseWholeNumber,
} from "./csv-values";

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) => (r.ok ? r.value : `error: ${r.message}`);

describe("MAC addresses", () => {
  it.each([
    ["00:1A:2B:3C:4D:5E", "00:1a:2b:3c:4d:5e"],
    ["00-1a-2b-3c-4d-5e", "00:1a:2b:3c:4d:5e"],
    ["001a.2b3c.4d5e", "00:1a:2b:3c:4d:5e"],
    ["001A2B3C4D5E", "00:1a:2b:3c:4d:5e"],
    [" d0:67:e5:00:00:01 ", "d0:67:e5:00:00:01"],
    // HP's halves, and the single-digit pairs of Solaris and BSD `arp`
    ["001a2b-3c4d5e", "00:1a:2b:3c:4d:5e"],
    ["0:1a:2b:3c:4d:5", "00:1a:2b:3c:4d:05"],
  ])("reads %s in any notation as %s", (raw, mac) => {
    expect(value(parseMac(raw))).toBe(mac);
  });

  it.each(["00:1a:2b:3c:4d", "00:1a:2b:3c:4d:5e:6f", "00:1a-2b:3c:4d:5e", "zz:1a:2b:3c:4d:5e", "00:1a:2b:3c:4d:5e0", "001a.2b3c-4d5e"])("refuses %s", (raw) => {
    expect(value(parseMac(raw))).toMatch(/^error: .* is not a MAC address/);
  });
});

describe("speeds", () => {
  it.each([
    ["1G", 1000],
    ["10g", 10000],
    ["25G", 25000],
    ["40GbE", 40000],
    ["100 Gbps", 100000],
    ["2.5G", 2500],
    ["1000", 1000],
    ["100M", 100],
    ["100Mbps", 100],
  ])("reads %s as %i Mbps", (raw, mbps) => {
    expect(value(parseSpeed(raw))).toBe(mbps);
  });

  it.each(["fast", "10T", "0", "-1G", "1.5"])("refuses %s", (raw) => {
    expect(value(parseSpeed(raw))).toMatch(/^error: .* is not a speed/);
  });

  it("writes the common speeds as G, others in Mbps, so they read back the same", () => {
    expect([1000, 10000, 25000, 40000, 100000, 100, 2500, null].map(formatSpeed)).toEqual(["1G", "10G", "25G", "40G", "100G", "100", "2500", ""]);
    for (const mbps of [100, 1000, 2500, 10000, 25000, 40000, 100000]) expect(value(parseSpeed(formatSpeed(mbps)))).toBe(mbps);
  });
});

describe("booleans", () => {
  it("takes true/false, yes/no and 1/0 in any case", () => {
    expect(["true", "YES", "1", "y"].map((s) => value(parseBool(s)))).toEqual([true, true, true, true]);
    expect(["false", "No", "0", "n"].map((s) => value(parseBool(s)))).toEqual([false, false, false, false]);
    expect(value(parseBool("maybe"))).toMatch(/not true or false/);
  });
});

describe("IP addresses", () => {
  it("writes them as PostgreSQL prints an inet", () => {
    expect(value(parseIp("10.0.0.11"))).toBe("10.0.0.11");
    expect(value(parseIp("10.0.0.11/32"))).toBe("10.0.0.11");
    expect(value(parseIp("10.0.0.11/24"))).toBe("10.0.0.11/24");
    expect(value(parseIp("2001:0DB8:0:0::1"))).toBe("2001:db8::1");
    expect(value(parseIp("2001:db8::1/128"))).toBe("2001:db8::1");
  });

  it.each(["10.0.0.256", "10.0.0", "10.0.0.1/33", "host.example.com", "010.0.0.1", "1.2.3.4/24/1"])("refuses %s", (raw) => {
    expect(value(parseIp(raw))).toMatch(/is not an IP address/);
  });
});

describe("numbers, bay layouts and power", () => {
  it("reads whole numbers within a range", () => {
    expect(value(parseWholeNumber("42", 1, 100))).toBe(42);
    expect(value(parseWholeNumber("0", 1, 100))).toMatch(/not a whole number from 1 to 100/);
    expect(value(parseWholeNumber("4a", 1, 100))).toMatch(/"4a"/);
  });

  it("reads COLSxROWS", () => {
    expect(value(parseBayLayout("4x2"))).toEqual({ columns: 4, rows: 2 });
    expect(value(parseBayLayout("8 X 1"))).toEqual({ columns: 8, rows: 1 });
    expect(value(parseBayLayout("4by2"))).toMatch(/not a bay layout/);
  });

  it("reads a device's feeds and a cabinet's feeds with their sources", () => {
    expect(value(parsePowerList("A;B"))).toEqual(["A", "B"]);
    expect(value(parsePowerList("A; A"))).toMatch(/named twice/);
    expect(value(parsePowerFeeds("A:UPS-1;B:UPS-2"))).toEqual([
      { feed: "A", source: "UPS-1" },
      { feed: "B", source: "UPS-2" },
    ]);
    expect(value(parsePowerFeeds("A"))).toEqual([{ feed: "A", source: null }]);
    expect(value(parsePowerFeeds("A:"))).toMatch(/not a feed/);
    expect(formatPowerFeeds([{ feed: "B", source: "UPS-2" }, { feed: "A", source: null }])).toBe("A;B:UPS-2");
  });
});
