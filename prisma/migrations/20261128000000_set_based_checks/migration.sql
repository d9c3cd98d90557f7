-- Set-based checks for bulk writes. An import writes tens of thousands of cables and power rows in
-- one statement; the per-row triggers of the first schema ran one lookup (and, for cables, one lock
-- and one join) per row, half the cost of such a statement. The same rules are now checked once per
-- statement over the rows it wrote (transition tables), with the same constraint names and messages.

-- A Nic is on at most one cable, whichever end. Unique indexes cover each column; this covers a Nic
-- that is the a-end of one cable and the b-end of another (two rows of one statement included).
-- One transaction-scoped advisory lock serialises the checks of concurrent cable writers, so two
-- transactions cannot both pass: the second one's check runs after the first commits and sees its
-- cables. (Row locks on both Nics of every cable did the same at one locked tuple, and one WAL
-- record, per Nic; cable writes are rare and short, an import's are serialised anyway.)
DROP TRIGGER "cable_before_write" ON "cable";
DROP FUNCTION "cable_before_write"();

CREATE FUNCTION "cable_check_ends"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  taken TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(1919115884); -- 'rcbl'
  WITH ends AS (
    SELECT id, a_nic_id AS nic_id FROM new_cables UNION ALL SELECT id, b_nic_id FROM new_cables
  ), clash AS (
    SELECT e.nic_id FROM ends e JOIN "cable" c ON c.a_nic_id = e.nic_id AND c.id <> e.id
    UNION ALL
    SELECT e.nic_id FROM ends e JOIN "cable" c ON c.b_nic_id = e.nic_id AND c.id <> e.id
  )
  SELECT d.hostname || ' ' || n.name INTO taken
    FROM clash JOIN "nic" n ON n.id = clash.nic_id JOIN "device" d ON d.id = n.device_id
    LIMIT 1;
  IF taken IS NOT NULL THEN
    RAISE EXCEPTION '% is already cabled', taken USING ERRCODE = '23505', CONSTRAINT = 'cable_nic_one_cable';
  END IF;
  RETURN NULL;
END $$;
-- (a trigger with transition tables has one event, so inserts and updates get one each)
CREATE TRIGGER "cable_check_ends_insert" AFTER INSERT ON "cable"
  REFERENCING NEW TABLE AS new_cables FOR EACH STATEMENT EXECUTE FUNCTION "cable_check_ends"();
CREATE TRIGGER "cable_check_ends_update" AFTER UPDATE ON "cable"
  REFERENCING NEW TABLE AS new_cables FOR EACH STATEMENT EXECUTE FUNCTION "cable_check_ends"();

-- A device draws power only from feeds of its own cabinet (a sled draws on its chassis' feeds and
-- has no rows here).
DROP TRIGGER "device_power_before_write" ON "device_power";
DROP FUNCTION "device_power_before_write"();

CREATE FUNCTION "device_power_check_feeds"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM new_power p
      JOIN "device" d ON d.id = p.device_id
      LEFT JOIN "power_feed" f ON f.id = p.feed_id AND f.cabinet_id = d.cabinet_id
     WHERE f.id IS NULL
  ) THEN
    RAISE EXCEPTION 'a device draws power only from feeds of its own cabinet'
      USING ERRCODE = '23514', CONSTRAINT = 'device_power_feed_in_cabinet';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "device_power_check_feeds_insert" AFTER INSERT ON "device_power"
  REFERENCING NEW TABLE AS new_power FOR EACH STATEMENT EXECUTE FUNCTION "device_power_check_feeds"();
CREATE TRIGGER "device_power_check_feeds_update" AFTER UPDATE ON "device_power"
  REFERENCING NEW TABLE AS new_power FOR EACH STATEMENT EXECUTE FUNCTION "device_power_check_feeds"();

-- Fewer indexes for every device and Nic written. Locate compares host(ip) (migration
-- 20261127020000), so the plain inet indexes of the OOB and Nic addresses serve nobody (the primary
-- IP's stays: the devices table sorts by it). One unique text_pattern_ops index each on
-- lower(hostname), upper(serial) and upper(asset_tag) serves uniqueness, equality and prefix search,
-- where two indexes did. Not partial: a unique index lets any number of NULLs in, and the planner
-- keeps statistics for it (migration 20261127020000 says why that matters).
DROP INDEX "device_oob_ip_idx";
DROP INDEX "nic_ip_idx";
DROP INDEX "device_hostname_prefix";
DROP INDEX "device_hostname_ci_key";
CREATE UNIQUE INDEX "device_hostname_ci_key" ON "device" (lower("hostname") text_pattern_ops);
DROP INDEX "device_serial_prefix";
DROP INDEX "device_serial_key";
CREATE UNIQUE INDEX "device_serial_key" ON "device" (upper("serial") text_pattern_ops);
DROP INDEX "device_asset_tag_prefix";
DROP INDEX "device_asset_tag_key";
CREATE UNIQUE INDEX "device_asset_tag_key" ON "device" (upper("asset_tag") text_pattern_ops);
