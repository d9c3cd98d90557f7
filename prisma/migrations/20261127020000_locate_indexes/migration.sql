-- Locate (lib/db/locate.ts, docs/locate.md): every way of finding a device is an index probe, never
-- a table scan, at any fleet size. Indexes and four read-only functions; no table or column changes,
-- so prisma/schema.prisma is unchanged.
--
-- Already there and used as they are: device_hostname_trgm (hostname substring), device_serial_key
-- and device_asset_tag_key (exact serial and asset tag, when only an exact match is asked for: the
-- planner proves their `IS NOT NULL` predicate from the strict upper(...) = $1), nic_mac_key (exact
-- MAC, stored in one notation), nic_device_name_key (a device's port, by device), cable_a_nic_id_key
-- and cable_b_nic_id_key (the cable on a Nic, from either end), the primary keys.

-- Prefix searches. The database's collation is not "C", so a default btree cannot serve LIKE 'abc%';
-- the text_pattern_ops ones can, and equality as well. None of these indexes is partial: the
-- planner takes no statistics from a partial expression index, and without them it guesses 0.5% of
-- the table for `host(ip) = $1` (and plans a parallel scan for one row).
CREATE INDEX "device_hostname_prefix" ON "device" (lower("hostname") text_pattern_ops);
CREATE INDEX "device_serial_prefix" ON "device" (upper("serial") text_pattern_ops);
CREATE INDEX "device_asset_tag_prefix" ON "device" (upper("asset_tag") text_pattern_ops);
-- cable labels match case-insensitively; this one serves the exact match too
CREATE INDEX "cable_label_prefix" ON "cable" (upper("label") text_pattern_ops);

-- Substring searches (pg_trgm, from the first migration).
CREATE INDEX "device_serial_trgm" ON "device" USING gin (upper("serial") gin_trgm_ops);
CREATE INDEX "device_asset_tag_trgm" ON "device" USING gin (upper("asset_tag") gin_trgm_ops);
CREATE INDEX "cable_label_trgm" ON "cable" USING gin (upper("label") gin_trgm_ops);

-- Addresses match whatever prefix length they were stored with (inet '10.0.0.11/24' is not equal to
-- '10.0.0.11'), so they are looked up by host(); the plain inet indexes stay for other readers.
CREATE INDEX "device_primary_ip_host" ON "device" (host("primary_ip"));
CREATE INDEX "device_oob_ip_host" ON "device" (host("oob_ip"));
CREATE INDEX "nic_ip_host" ON "nic" (host("ip"));

-- Substring probes, one per searchable text. A LIKE '%…%' under a LIMIT tempts the planner into a
-- sequential (or whole-index) scan that "stops early" after the few rows it expects to read, and
-- reads the whole table when the matches are rarer than it guessed or sit at its far end (imports
-- and the generator write a site's devices together). Inside these functions only the trigram
-- index can answer, whatever the estimates; they are not inlined, so their settings hold.
CREATE FUNCTION "locate_hostname_contains"(pattern TEXT, max_rows INTEGER) RETURNS SETOF INTEGER
  LANGUAGE sql STABLE SET enable_seqscan = off SET enable_indexscan = off SET jit = off
  AS $$ SELECT id FROM "device" WHERE lower("hostname") LIKE pattern LIMIT max_rows $$;
CREATE FUNCTION "locate_serial_contains"(pattern TEXT, max_rows INTEGER) RETURNS SETOF INTEGER
  LANGUAGE sql STABLE SET enable_seqscan = off SET enable_indexscan = off SET jit = off
  AS $$ SELECT id FROM "device" WHERE upper("serial") LIKE pattern LIMIT max_rows $$;
CREATE FUNCTION "locate_asset_tag_contains"(pattern TEXT, max_rows INTEGER) RETURNS SETOF INTEGER
  LANGUAGE sql STABLE SET enable_seqscan = off SET enable_indexscan = off SET jit = off
  AS $$ SELECT id FROM "device" WHERE upper("asset_tag") LIKE pattern LIMIT max_rows $$;
CREATE FUNCTION "locate_cable_label_contains"(pattern TEXT, max_rows INTEGER) RETURNS SETOF INTEGER
  LANGUAGE sql STABLE SET enable_seqscan = off SET enable_indexscan = off SET jit = off
  AS $$ SELECT id FROM "cable" WHERE upper("label") LIKE pattern LIMIT max_rows $$;
