import { describe, expect, it } from "vitest";
import {
  highlightRange,
  MAX_QUERY_LENGTH,
  normalizeMac,
  parseIp,
  parseLocateQuery,
  portNameVariants,
  uniqueExactMatch,
  type LocateQuery,
} from "./locate-query";

function parsed(raw: string): LocateQuery {
  const result = parseLocateQuery(raw);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(raw)} to parse: ${result.error}`);
  return result.query;
}

describe("normalizeMac", () => {
  it.each([
    "00:1A:2B:3C:4D:5E",
    "00:1a:2b:3c:4d:5e",
    "00-1a-2b-3c-4d-5e",
    "00-1A-2B-3C-4D-5E",
    "001a.2b3c.4d5e",
    "001A.2B3C.4D5E",
    "001a2b-3c4d5e",
    "001A2B3C4D5E",
    "  001a2b3c4d5e ",
    "0:1a:2b:3c:4d:5e",
  ])("reads %s as 00:1a:2b:3c:4d:5e", (input) => {
    expect(normalizeMac(input)).toBe("00:1a:2b:3c:4d:5e");
  });

  it("pads single hex digits of a pair notation", () => {
    expect(normalizeMac("a:b:c:d:e:f")).toBe("0a:0b:0c:0d:0e:0f");
  });

  it.each([
    "00:1a:2b:3c:4d",
    "00:1a:2b:3c:4d:5e:6f",
    "00:1a-2b:3c:4d:5e",
    "00:1a:2b:3c:4d:5g",
    "001a2b3c4d5",
    "001a2b3c4d5e0",
    "001a.2b3c-4d5e",
    "app-01",
    "10.0.0.1",
    "",
  ])("refuses %j", (input) => {
    expect(normalizeMac(input)).toBeNull();
  });
});

describe("parseIp", () => {
  it("reads IPv4, dropping leading zeros and a prefix length", () => {
    expect(parseIp("10.0.0.11")).toEqual({ address: "10.0.0.11", version: 4 });
    expect(parseIp("010.000.000.011")).toEqual({ address: "10.0.0.11", version: 4 });
    expect(parseIp("10.0.0.11/24")).toEqual({ address: "10.0.0.11", version: 4 });
  });

  it.each(["10.0.0", "10.0.0.256", "10.0.0.1.2", "10.0.0.1/33", "a.b.c.d", "1234.0.0.1", "10.0.0.1/"])("refuses %j as IPv4", (input) => {
    expect(parseIp(input)).toBeNull();
  });

  it("reads IPv6 in its RFC 5952 form", () => {
    expect(parseIp("2001:DB8:0:0:0:0:0:1")).toEqual({ address: "2001:db8::1", version: 6 });
    expect(parseIp("2001:0db8:0000:0000:0001:0000:0000:0001")).toEqual({ address: "2001:db8::1:0:0:1", version: 6 });
    expect(parseIp("fe80::1/64")).toEqual({ address: "fe80::1", version: 6 });
    expect(parseIp("::")).toEqual({ address: "::", version: 6 });
    expect(parseIp("::1")).toEqual({ address: "::1", version: 6 });
    expect(parseIp("1:0:0:2:0:0:0:3")).toEqual({ address: "1:0:0:2::3", version: 6 });
    expect(parseIp("1:2:3:4:5:6:7:8")).toEqual({ address: "1:2:3:4:5:6:7:8", version: 6 });
    expect(parseIp("1:0:3:4:5:6:7:8")).toEqual({ address: "1:0:3:4:5:6:7:8", version: 6 });
    expect(parseIp("::ffff:10.0.0.1")).toEqual({ address: "::ffff:10.0.0.1", version: 6 });
    expect(parseIp("0:0:0:0:0:ffff:a00:1")).toEqual({ address: "::ffff:10.0.0.1", version: 6 });
  });

  it.each(["1::2::3", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "12345::1", ":1", "1:", "::1/129", "fe80::1%eth0", "10.0.0.1::", "dead:beef", "00:1a:2b:3c:4d:5e"])(
    "refuses %j as IPv6",
    (input) => {
      expect(parseIp(input)).toBeNull();
    },
  );
});

describe("portNameVariants", () => {
  it("finds the short and the long spelling of a Cisco interface name", () => {
    expect(portNameVariants("Te1/0/7").sort()).toEqual(["te1/0/7", "tengigabitethernet1/0/7"]);
    expect(portNameVariants("TenGigabitEthernet1/0/7").sort()).toEqual(["te1/0/7", "tengigabitethernet1/0/7"]);
    expect(portNameVariants("gi1/0/12").sort()).toEqual(["gi1/0/12", "gigabitethernet1/0/12"]);
    expect(portNameVariants("Ethernet1/1").sort()).toEqual(["eth1/1", "ethernet1/1"]);
  });

  it("leaves other names as they are, lower-cased", () => {
    expect(portNameVariants("xe-0/0/1")).toEqual(["xe-0/0/1"]);
    expect(portNameVariants("swp12")).toEqual(["swp12"]);
    expect(portNameVariants("iDRAC")).toEqual(["idrac"]);
  });
});

describe("parseLocateQuery", () => {
  it("refuses an empty, over-long or control-character query with a sentence", () => {
    for (const raw of [undefined, null, "", "   \t "]) {
      const result = parseLocateQuery(raw);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/hostname/);
    }
    const long = parseLocateQuery("x".repeat(MAX_QUERY_LENGTH + 1));
    expect(long).toEqual({ ok: false, error: expect.stringContaining(`${MAX_QUERY_LENGTH} characters`) });
    expect(parseLocateQuery("x".repeat(MAX_QUERY_LENGTH)).ok).toBe(true);
    expect(parseLocateQuery("app\u000701").ok).toBe(false);
  });

  it("reads a hostname: lower-cased, partial matching on", () => {
    expect(parsed("  App-01 ")).toEqual({
      text: "App-01",
      hostname: "app-01",
      key: "APP-01",
      partial: true,
      substring: true,
      mac: null,
      ip: null,
      switchPort: null,
    });
  });

  it("matches substrings only with three letters or digits in a row, prefixes always", () => {
    expect(parsed("db")).toMatchObject({ hostname: "db", partial: true, substring: false });
    expect(parsed("db-")).toMatchObject({ partial: true, substring: false });
    // only edge-padded trigrams ("  0"), which nearly every label has: the index would narrow nothing
    expect(parsed("1-00")).toMatchObject({ partial: true, substring: false });
    expect(parsed("10.0")).toMatchObject({ partial: true, substring: false });
    expect(parsed("---")).toMatchObject({ substring: false });
    expect(parsed("a01")).toMatchObject({ substring: true });
    expect(parsed("x-a01-y")).toMatchObject({ substring: true });
    expect(parsed("ackup-0")).toMatchObject({ substring: true });
  });

  it("reads a serial or asset tag case-insensitively, keeping inner dashes and one space", () => {
    expect(parsed(" m8vm7z0 ").key).toBe("M8VM7Z0");
    expect(parsed("bc-100001").key).toBe("BC-100001");
    expect(parsed("CN  0F12\t34").key).toBe("CN 0F12 34");
    expect(parsed("CN 0F12 34").hostname).toBeNull();
  });

  it("reads a MAC in any notation, matched whole", () => {
    for (const raw of ["90:E2:BA:00:00:01", "90-e2-ba-00-00-01", "90e2.ba00.0001"]) {
      expect(parsed(raw)).toMatchObject({ mac: "90:e2:ba:00:00:01", partial: false, substring: false });
    }
  });

  it("keeps a bare-hex MAC open to other readings: it could be a serial or a hostname", () => {
    expect(parsed("90E2BA000001")).toMatchObject({ mac: "90:e2:ba:00:00:01", hostname: "90e2ba000001", partial: true, substring: true });
  });

  it("reads an IP address, matched whole", () => {
    expect(parsed("10.0.0.11")).toMatchObject({ ip: { address: "10.0.0.11", version: 4 }, partial: false, substring: false, mac: null });
    expect(parsed("2001:db8::0:1")).toMatchObject({ ip: { address: "2001:db8::1", version: 6 }, hostname: null });
  });

  it("reads `<device> <port>` as a switch port", () => {
    expect(parsed("tor-c12-a Te1/0/7")).toMatchObject({
      hostname: null,
      key: "TOR-C12-A TE1/0/7",
      switchPort: { hostname: "tor-c12-a", port: "Te1/0/7", portNames: ["te1/0/7", "tengigabitethernet1/0/7"] },
    });
    expect(parsed("TOR-C12-A   te1/0/7").switchPort).toMatchObject({ hostname: "tor-c12-a", port: "te1/0/7" });
    expect(parsed("tor-c12-a Te 1/0/7").switchPort).toMatchObject({ port: "Te1/0/7" });
    expect(parsed("mgmt-a Gi1/0/3").switchPort).toMatchObject({ hostname: "mgmt-a", port: "Gi1/0/3" });
    expect(parsed("app-01 idrac").switchPort).toMatchObject({ hostname: "app-01", port: "idrac" });
  });

  it("does not read other multi-word text as a switch port", () => {
    expect(parsed("tor-c12-a").switchPort).toBeNull();
    expect(parsed("tor-c12-a Te1/0/7 extra").switchPort).toBeNull();
    expect(parsed("-tor Te1/0/7").switchPort).toBeNull();
    expect(parsed("tor-c12-a Te1/0/7?").switchPort).toBeNull();
  });

  it("keeps LIKE wildcards as plain text (the SQL escapes them)", () => {
    expect(parsed("app_%")).toMatchObject({ text: "app_%", hostname: null, key: "APP_%" });
    expect(parsed("app_01").hostname).toBe("app_01");
  });
});

describe("uniqueExactMatch", () => {
  it("goes to the device an exact hit on a unique key names", () => {
    expect(uniqueExactMatch([{ hostname: "app-10", matchedOn: "hostname", matchType: "exact" }, { hostname: "app-100", matchedOn: "hostname", matchType: "prefix" }])).toBe("app-10");
    expect(uniqueExactMatch([{ hostname: "app-01", matchedOn: "serial", matchType: "exact" }])).toBe("app-01");
    expect(uniqueExactMatch([{ hostname: "app-01", matchedOn: "mac", matchType: "exact" }])).toBe("app-01");
    expect(uniqueExactMatch([{ hostname: "app-01", matchedOn: "switchPort", matchType: "exact" }])).toBe("app-01");
  });

  it("lists instead when exact hits name several devices or only non-unique keys", () => {
    // both ends of a cable
    expect(
      uniqueExactMatch([
        { hostname: "app-01", matchedOn: "cableLabel", matchType: "exact" },
        { hostname: "tor-a01-a", matchedOn: "cableLabel", matchType: "exact" },
      ]),
    ).toBeNull();
    // an IP is not unique to a device
    expect(uniqueExactMatch([{ hostname: "app-01", matchedOn: "ip", matchType: "exact" }])).toBeNull();
    // a hostname of one device that is also another's asset tag
    expect(
      uniqueExactMatch([
        { hostname: "bc1", matchedOn: "hostname", matchType: "exact" },
        { hostname: "app-02", matchedOn: "assetTag", matchType: "exact" },
      ]),
    ).toBeNull();
    expect(uniqueExactMatch([{ hostname: "app-10", matchedOn: "hostname", matchType: "prefix" }])).toBeNull();
    expect(uniqueExactMatch([])).toBeNull();
  });

  it("goes to the device when its unique key and its IP both match exactly", () => {
    expect(
      uniqueExactMatch([
        { hostname: "app-01", matchedOn: "ip", matchType: "exact" },
        { hostname: "app-01", matchedOn: "hostname", matchType: "exact" },
      ]),
    ).toBe("app-01");
  });
});

describe("highlightRange", () => {
  it("marks where the query sits in a prefix or substring match, whatever the case", () => {
    expect(highlightRange("app-100", parsed("APP-1"), { matchedOn: "hostname", matchType: "prefix" })).toEqual([0, 5]);
    expect(highlightRange("ORD1-A01-0007", parsed("a01-00"), { matchedOn: "cableLabel", matchType: "substring" })).toEqual([5, 11]);
  });

  it("marks the whole value for an exact match and for normalised kinds", () => {
    expect(highlightRange("M8VM7Z0", parsed("m8vm7z0"), { matchedOn: "serial", matchType: "exact" })).toEqual([0, 7]);
    expect(highlightRange("90:e2:ba:00:00:01", parsed("90e2.ba00.0001"), { matchedOn: "mac", matchType: "exact" })).toEqual([0, 17]);
    expect(highlightRange("tor-a01-a Te1/0/7", parsed("TOR-A01-A te1/0/7"), { matchedOn: "switchPort", matchType: "exact" })).toEqual([0, 17]);
  });
});
