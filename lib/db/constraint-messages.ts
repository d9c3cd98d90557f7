// Every named constraint of the schema, as a sentence a person can act on. The app maps a
// violation by its Postgres code and constraint name, never by parsing error text. Where a
// trigger raises the violation, its message already names the objects involved, so it is kept.

export type ConstraintViolation = { code: string; constraint?: string; message?: string };

const SENTENCES: Record<string, string> = {
  device_no_overlap_front: "Those rack units are already taken on the front of this cabinet.",
  device_no_overlap_rear: "Those rack units are already taken on the rear of this cabinet.",
  device_u_fits_cabinet: "The device does not fit in the cabinet at that U.",
  device_racked_needs_height: "A sled has no rack units of its own: put it in a chassis bay instead.",
  device_chassis_is_chassis: "Only a chassis has bays.",
  device_bay_needs_sled: "Only a sled goes in a chassis bay.",
  device_bay_exists: "The chassis' model has no such bay.",
  device_one_sled_per_bay: "That chassis bay already holds a sled.",
  device_placement: "A device is racked (cabinet, U and face), in a chassis (chassis and bay) or unplaced: give all of one, nothing of the others.",
  device_u_positive: "U numbers start at 1.",
  device_bay_positive: "Bay numbers start at 1.",
  device_not_own_chassis: "A device cannot sit in its own chassis.",
  device_hostname_key: "Another device already has that hostname.",
  device_hostname_ci_key: "Another device already has that hostname (hostnames are compared without case).",
  device_serial_key: "Another device already has that service tag.",
  device_asset_tag_key: "Another device already has that asset tag.",
  device_hostname_format: "A hostname is letters, digits, dots, hyphens and underscores, starting with a letter or digit.",
  device_serial_not_blank: "A service tag cannot be blank: leave it out instead.",
  device_asset_tag_not_blank: "An asset tag cannot be blank: leave it out instead.",
  device_cabinet_in_site: "The cabinet is in another site.",
  device_power_feed_in_cabinet: "A device draws power only from feeds of its own cabinet.",
  cabinet_site_name_key: "That site already has a cabinet with this name.",
  cabinet_room_in_site: "The room is in another site.",
  cabinet_height_range: "A cabinet is 1 to 100 U high.",
  room_site_name_key: "That site already has a room with this name.",
  site_name_key: "A site with this name already exists.",
  power_source_site_name_key: "That site already has a power source with this name.",
  power_feed_cabinet_name_key: "That cabinet already has a feed with this name.",
  power_feed_source_in_site: "A feed's power source must be in the cabinet's site.",
  model_name_key: "A model with this name already exists.",
  model_height_by_kind: "A sled model has height 0; every other model is 1 to 100 U high.",
  model_bays_only_on_chassis: "Only a chassis model has bays.",
  model_bay_layout: "The bay layout (columns x rows) must hold exactly the model's number of bays.",
  model_kind_fixed_in_use: "The model is in use, so its kind cannot change.",
  nic_mac_key: "Another Nic already has that MAC address.",
  nic_mac_format: "A MAC address has six pairs of hex digits.",
  nic_device_name_key: "That device already has a Nic with this name.",
  nic_bond_same_device: "A bond's members must be Nics of the bond's own device.",
  nic_bond_member_kind: "Only a plain Nic can be a bond member.",
  nic_bond_mode_on_bond: "Only a bond has a bond mode.",
  nic_bond_not_self: "A bond cannot be its own member.",
  nic_speed_positive: "A speed is a positive number of Mbps.",
  cable_nic_one_cable: "That port is already cabled.",
  cable_a_nic_id_key: "That port is already cabled.",
  cable_b_nic_id_key: "That port is already cabled.",
  cable_ends_differ: "A cable connects two different ports.",
  cable_label_key: "Another cable already has that label.",
  service_name_key: "A service with this name already exists.",
  service_min_up_positive: "A service needs at least one member up.",
  work_order_item_unique_action: "That device already has this action in the work order.",
  site_name_not_blank: "A site needs a name.",
  room_name_not_blank: "A room needs a name.",
  power_source_name_not_blank: "A power source needs a name.",
  cabinet_name_not_blank: "A cabinet needs a name.",
  power_feed_name_not_blank: "A power feed needs a name (A, B, ...).",
  model_name_not_blank: "A model needs a name.",
  nic_name_not_blank: "A Nic needs a name (eth0, Te1/0/7, ...).",
  service_name_not_blank: "A service needs a name.",
  work_order_title_not_blank: "A work order needs a title.",
  cable_label_not_blank: "A cable label cannot be blank: leave it out instead.",
  share_link_token_hash_format: "A share link stores only a token hash.",
  share_link_expiry_after_creation: "A share link must expire after it is created.",
};

// Constraints enforced by triggers: their messages name the conflicting objects.
const TRIGGER_RAISED = new Set([
  "device_u_fits_cabinet",
  "device_racked_needs_height",
  "device_chassis_is_chassis",
  "device_bay_exists",
  "cable_nic_one_cable",
  "model_kind_fixed_in_use",
]);

export function knownConstraints(): string[] {
  return Object.keys(SENTENCES);
}

export function describeConstraintViolation(v: ConstraintViolation): string {
  const sentence = v.constraint ? SENTENCES[v.constraint] : undefined;
  if (sentence && v.constraint && TRIGGER_RAISED.has(v.constraint) && v.message) {
    return `${sentence} (${v.message})`;
  }
  if (sentence) return sentence;
  switch (v.code) {
    case "23505":
      return "That value is already in use.";
    case "23503":
      return "It refers to something that does not exist, or is still referred to by something else.";
    case "23P01":
      return "It conflicts with something already there.";
    case "23514":
      return "A value is out of range.";
    case "23502":
      return "A required value is missing.";
    default:
      return "The database refused the change.";
  }
}
