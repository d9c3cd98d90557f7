// The six CSV kinds of DESIGN.md and their columns, in the order export writes them. Pure data and
// small helpers, safe in the browser too (the import page recognises a file's kind from its header).

export const IMPORT_KINDS = ["models", "cabinets", "devices", "nics", "cables", "services"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type KindFormat = {
  kind: ImportKind;
  // every column, in export order
  columns: readonly string[];
  // the natural key: a row with the key of an existing object updates it
  keys: readonly string[];
  // header columns a file of this kind cannot do without
  required: readonly (readonly string[])[];
  notes: string;
  // which object a row is about, for messages ("device", "cabinet" ...)
  noun: string;
};

export const KIND_FORMATS: Record<ImportKind, KindFormat> = {
  models: {
    kind: "models",
    columns: ["model", "manufacturer", "kind", "height_u", "bays", "bay_layout"],
    keys: ["model"],
    required: [["model"]],
    notes: "kind: chassis, sled, server, switch, storage, pdu or other. A sled is 0 U. bay_layout is COLSxROWS (4x2), bays numbered row by row from the top left.",
    noun: "model",
  },
  cabinets: {
    kind: "cabinets",
    columns: ["site", "cabinet", "room", "height_u", "power_feeds"],
    keys: ["site", "cabinet"],
    required: [["site"], ["cabinet"]],
    notes: "power_feeds like A:UPS-1;B:UPS-2 lists all of the cabinet's feeds. Missing sites, rooms and power sources are created.",
    noun: "cabinet",
  },
  devices: {
    kind: "devices",
    columns: ["hostname", "model", "role", "status", "serial", "asset_tag", "site", "cabinet", "u", "face", "chassis", "bay", "power", "oob_ip", "primary_ip", "os", "notes"],
    keys: ["hostname"],
    required: [["hostname"]],
    notes: "Racked: site + cabinet + u (+ face, default front). In a chassis: chassis hostname + bay. Or unplaced. power is the cabinet's feed names, A;B.",
    noun: "device",
  },
  nics: {
    kind: "nics",
    columns: ["hostname", "name", "kind", "mac", "speed", "driver", "bond", "bond_mode", "enabled", "ip"],
    keys: ["hostname", "name"],
    required: [["hostname"], ["name"]],
    notes: "kind: nic, bond or oob. bond names the bond a member belongs to. speed 1G, 10G or Mbps. MAC in any notation. enabled true/false.",
    noun: "Nic",
  },
  cables: {
    kind: "cables",
    columns: ["a_host", "a_port", "b_host", "b_port", "label"],
    keys: ["label"],
    required: [["a_host", "label"], ["a_port", "label"]],
    notes: "Keyed by label, or by the a-end when there is no label. A port missing on a switch is created.",
    noun: "cable",
  },
  services: {
    kind: "services",
    columns: ["service", "hostname", "role", "min_up"],
    keys: ["service", "hostname"],
    required: [["service"], ["hostname"]],
    notes: "One row per member. role is free text (master, slave, backup). min_up is the service's, default 1.",
    noun: "service member",
  },
};

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === "string" && (IMPORT_KINDS as readonly string[]).includes(value);
}

// "Asset Tag", "asset-tag" and "ASSET_TAG" are all asset_tag.
export function normaliseHeaderName(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

// The kind whose columns hold every header name and whose required columns are all there; null
// when none or more than one fits.
export function recogniseKind(header: readonly string[]): ImportKind | null {
  const names = header.map(normaliseHeaderName).filter((n) => n !== "");
  if (names.length === 0) return null;
  const fits = IMPORT_KINDS.filter((kind) => {
    const format = KIND_FORMATS[kind];
    return names.every((n) => format.columns.includes(n)) && format.required.every((any) => any.some((c) => names.includes(c)));
  });
  return fits.length === 1 ? fits[0]! : null;
}
