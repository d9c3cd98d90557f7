import { describe, expect, it } from "vitest";
import { readCsvText } from "./csv-read";
import { IMPORT_KINDS, KIND_FORMATS, normaliseHeaderName, recogniseKind } from "./kinds";
import { checkHeader, validateRows } from "./validate";

function validate(kind: (typeof IMPORT_KINDS)[number], text: string) {
  const { file } = readCsvText(text);
  const header = checkHeader(kind, file!.header, file!.records);
  return { header, ...validateRows(kind, file!, header.columns) };
}

describe("header names", () => {
  it("are read without regard to case, with spaces and hyphens as underscores", () => {
    expect(["Asset Tag", "asset-tag", "ASSET_TAG", " asset  tag "].map(normaliseHeaderName)).toEqual(["asset_tag", "asset_tag", "asset_tag", "asset_tag"]);
    const { header, rows } = validate("devices", "Hostname,Asset-Tag,OOB IP\napp-01,BC1,10.0.0.1\n");
    expect(header.issues).toEqual([]);
    expect(rows[0]!.data).toMatchObject({ hostname: "app-01", asset_tag: "BC1", oob_ip: "10.0.0.1" });
  });

  it("report an unknown column on row 1, naming it (and the likely one)", () => {
    const { header } = validate("devices", "hostname,modle,colour\napp-01,R710,red\n");
    expect(header.issues).toEqual([
      { row: 1, column: "modle", message: expect.stringMatching(/^Unknown column "modle".*Did you mean model\?$/) },
      { row: 1, column: "colour", message: expect.stringMatching(/^Unknown column "colour"/) },
    ]);
  });

  it("report a repeated column and a missing key column on row 1", () => {
    expect(validate("devices", "hostname,model,Model\na,b,c\n").header.issues).toEqual([
      { row: 1, column: "Model", message: "Column model appears twice in the header (columns 2 and 3)." },
    ]);
    expect(validate("nics", "hostname,mac\na,00:00:00:00:00:01\n").header.issues).toEqual([
      { row: 1, column: "name", message: "A nics file needs a name column." },
    ]);
    expect(validate("cables", "b_host,b_port\na,b\n").header.issues.map((i) => i.column)).toEqual(["a_host", "a_port"]);
  });

  it("recognise the kind of a file", () => {
    for (const kind of IMPORT_KINDS) expect(recogniseKind(KIND_FORMATS[kind].columns)).toBe(kind);
    expect(recogniseKind(["Hostname", "Model", "Site", "Cabinet", "U"])).toBe("devices");
    expect(recogniseKind(["hostname", "name", "mac"])).toBe("nics");
    expect(recogniseKind(["site", "cabinet"])).toBe("cabinets");
    expect(recogniseKind(["colour"])).toBeNull();
  });
});

describe("rows", () => {
  it("give every problem with its spreadsheet row and column", () => {
    const { issues, rows } = validate("devices", "hostname,u,status,oob_ip\napp-01,4a,active,10.0.0.1\n-bad,4,asleep,10.0.0.999\napp-03,5,,\n");
    expect(rows.map((r) => r.row)).toEqual([4]);
    expect(issues).toEqual([
      { row: 2, column: "u", message: '"4a" is not a whole number from 1 to 100.' },
      { row: 3, column: "hostname", message: expect.stringMatching(/is not a hostname/) },
      { row: 3, column: "status", message: expect.stringMatching(/"asleep" is not a device status/) },
      { row: 3, column: "oob_ip", message: expect.stringMatching(/is not an IP address/) },
    ]);
  });

  it("treat an empty cell as not given", () => {
    const { rows } = validate("nics", "hostname,name,kind,speed,enabled\napp-01,eth0,,,\n");
    expect(rows[0]!.data).toEqual({ hostname: "app-01", name: "eth0" });
  });

  it("report a key repeated within the file on each later row", () => {
    const { issues, rows } = validate("devices", "hostname,role\napp-01,a\napp-02,b\nAPP-01,c\napp-01,d\n");
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    expect(issues).toEqual([
      { row: 4, column: "hostname", message: "The hostname APP-01 is already on row 2: each device is one row." },
      { row: 5, column: "hostname", message: "The hostname app-01 is already on row 2: each device is one row." },
    ]);
  });

  it("key a cable by its label, or by its a-end without one", () => {
    const { issues } = validate("cables", "a_host,a_port,b_host,b_port,label\nx,eth0,sw,1,L1\ny,eth0,sw,2,L1\nz,eth0,sw,3,\nz,eth0,sw,4,\n");
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [3, "label"],
      [5, "a_port"],
    ]);
  });

  it("report a row with more cells than the header", () => {
    const { issues } = validate("models", "model,kind\nR710,server,2\nR720,server,,\n");
    expect(issues).toEqual([{ row: 2, column: null, message: expect.stringMatching(/has 3 cells, but the header names 2 columns/) }]);
  });
});
