import type { FindingKind } from "@/lib/domain/findings";

// Titles and how much each kind matters: "redundancy" defeats a redundancy the hardware looks like it has
// (fix the wiring or power), "data" is a record that cannot be right, "gap" is missing data the impact
// rules fill with a default.
export const FINDING_KIND_INFO: Record<FindingKind, { title: string; severity: "redundancy" | "data" | "gap"; about: string }> = {
  bond_single_switch: {
    title: "Bond on one switch",
    severity: "redundancy",
    about: "Every leg of the bond reaches the same switch, so that switch alone takes the host off the network.",
  },
  single_feed: {
    title: "Single power feed",
    severity: "redundancy",
    about: "The device draws on one feed while its cabinet has two or more.",
  },
  single_source: {
    title: "Single power source",
    severity: "redundancy",
    about: "All of the device's feeds come from one UPS or panel while its cabinet is fed from several.",
  },
  bond_speed_mismatch: {
    title: "Bond legs at different speeds",
    severity: "data",
    about: "Legs of one bond are recorded at different speeds.",
  },
  bond_leg_disabled: {
    title: "Disabled bond leg",
    severity: "redundancy",
    about: "A bond leg, or the switch port it is plugged into, is disabled: the bond runs on fewer legs than it has.",
  },
  sled_bay_missing: {
    title: "Sled in a bay its chassis does not have",
    severity: "data",
    about: "The recorded bay is missing or outside the chassis model's bays.",
  },
  racked_without_cables: {
    title: "Racked without cables",
    severity: "gap",
    about: "A racked server or storage node with no cable recorded on any Nic.",
  },
  power_not_recorded: {
    title: "Power not recorded",
    severity: "gap",
    about: "No power feeds are recorded: the device is assumed to draw on every feed of its cabinet.",
  },
  no_cabled_data_nic: {
    title: "No cabled data Nic",
    severity: "gap",
    about: "No enabled, cabled data Nic is recorded: switch failures are assumed not to affect it.",
  },
};

export const SEVERITY_LABEL = { redundancy: "redundancy", data: "bad data", gap: "missing data" } as const;
export const SEVERITY_TONE = { redundancy: "danger", data: "warn", gap: "neutral" } as const;
