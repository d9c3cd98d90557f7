-- Rackmap's first schema. Written by hand (Prisma's migrate engine cannot be downloaded on our build
-- machines) in Prisma's migration layout, so `prisma migrate deploy` still works wherever it can run.
-- Every constraint is named: lib/db/constraint-messages.ts turns each name into a sentence.

CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE "role" AS ENUM ('viewer', 'editor', 'admin');
CREATE TYPE "power_source_kind" AS ENUM ('ups', 'panel', 'utility', 'generator', 'other');
CREATE TYPE "model_kind" AS ENUM ('chassis', 'sled', 'server', 'switch', 'storage', 'pdu', 'other');
CREATE TYPE "device_status" AS ENUM ('active', 'planned', 'staged', 'failed', 'offline', 'decommissioning', 'inventory');
CREATE TYPE "face" AS ENUM ('front', 'rear');
CREATE TYPE "nic_kind" AS ENUM ('nic', 'bond', 'oob');
CREATE TYPE "work_order_status" AS ENUM ('open', 'done', 'cancelled');
CREATE TYPE "work_action" AS ENUM ('power_cycle', 'inspect', 'reseat_cable', 'replace_part', 'other');
CREATE TYPE "work_item_status" AS ENUM ('pending', 'done', 'not_possible');
CREATE TYPE "actor_type" AS ENUM ('user', 'api_token', 'share_link', 'cli', 'system');

-- ------------------------------------------------------------------ auth (better-auth's tables)

CREATE TABLE "user" (
  "id" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "email" TEXT NOT NULL,
  "email_verified" BOOLEAN NOT NULL DEFAULT false,
  "image" TEXT,
  "role" "role" NOT NULL DEFAULT 'viewer',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

CREATE TABLE "session" (
  "id" TEXT NOT NULL,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "token" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  "ip_address" TEXT,
  "user_agent" TEXT,
  "user_id" TEXT NOT NULL,
  CONSTRAINT "session_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

CREATE TABLE "account" (
  "id" TEXT NOT NULL,
  "account_id" TEXT NOT NULL,
  "provider_id" TEXT NOT NULL,
  "user_id" TEXT NOT NULL,
  "access_token" TEXT,
  "refresh_token" TEXT,
  "id_token" TEXT,
  "access_token_expires_at" TIMESTAMPTZ(3),
  "refresh_token_expires_at" TIMESTAMPTZ(3),
  "scope" TEXT,
  "password" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "account_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "account_user_id_idx" ON "account"("user_id");

CREATE TABLE "verification" (
  "id" TEXT NOT NULL,
  "identifier" TEXT NOT NULL,
  "value" TEXT NOT NULL,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

CREATE TABLE "api_token" (
  "id" SERIAL NOT NULL,
  "name" TEXT NOT NULL,
  "role" "role" NOT NULL,
  "token_hash" TEXT NOT NULL,
  "created_by_id" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_used_at" TIMESTAMPTZ(3),
  "revoked_at" TIMESTAMPTZ(3),
  CONSTRAINT "api_token_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "api_token_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- ------------------------------------------------------------------ places

CREATE TABLE "site" (
  "id" SERIAL NOT NULL,
  "name" TEXT NOT NULL,
  "address" TEXT NOT NULL DEFAULT '',
  "remote_hands_phone" TEXT NOT NULL DEFAULT '',
  "remote_hands_email" TEXT NOT NULL DEFAULT '',
  "access_notes" TEXT NOT NULL DEFAULT '',
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "site_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "site_name_not_blank" CHECK (btrim("name") <> '')
);
CREATE UNIQUE INDEX "site_name_key" ON "site"("name");

CREATE TABLE "room" (
  "id" SERIAL NOT NULL,
  "site_id" INTEGER NOT NULL,
  "name" TEXT NOT NULL,
  "notes" TEXT NOT NULL DEFAULT '',
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "room_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "room_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "room_name_not_blank" CHECK (btrim("name") <> '')
);
CREATE UNIQUE INDEX "room_site_name_key" ON "room"("site_id", "name");
CREATE UNIQUE INDEX "room_id_site_key" ON "room"("id", "site_id");

CREATE TABLE "power_source" (
  "id" SERIAL NOT NULL,
  "site_id" INTEGER NOT NULL,
  "name" TEXT NOT NULL,
  "kind" "power_source_kind" NOT NULL DEFAULT 'ups',
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "power_source_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "power_source_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "power_source_name_not_blank" CHECK (btrim("name") <> '')
);
CREATE UNIQUE INDEX "power_source_site_name_key" ON "power_source"("site_id", "name");
CREATE UNIQUE INDEX "power_source_id_site_key" ON "power_source"("id", "site_id");

CREATE TABLE "cabinet" (
  "id" SERIAL NOT NULL,
  "site_id" INTEGER NOT NULL,
  "room_id" INTEGER,
  "name" TEXT NOT NULL,
  "height_u" INTEGER NOT NULL DEFAULT 42,
  "notes" TEXT NOT NULL DEFAULT '',
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "cabinet_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "cabinet_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "cabinet_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "room"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  -- the room must be in the cabinet's own site
  CONSTRAINT "cabinet_room_in_site" FOREIGN KEY ("room_id", "site_id") REFERENCES "room"("id", "site_id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "cabinet_height_range" CHECK ("height_u" BETWEEN 1 AND 100),
  CONSTRAINT "cabinet_name_not_blank" CHECK (btrim("name") <> '')
);
CREATE UNIQUE INDEX "cabinet_site_name_key" ON "cabinet"("site_id", "name");
CREATE UNIQUE INDEX "cabinet_id_site_key" ON "cabinet"("id", "site_id");
CREATE INDEX "cabinet_room_id_idx" ON "cabinet"("room_id");

CREATE TABLE "power_feed" (
  "id" SERIAL NOT NULL,
  "cabinet_id" INTEGER NOT NULL,
  "name" TEXT NOT NULL,
  "source_id" INTEGER,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "power_feed_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "power_feed_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinet"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "power_feed_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "power_source"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "power_feed_name_not_blank" CHECK (btrim("name") <> '')
);
CREATE UNIQUE INDEX "power_feed_cabinet_name_key" ON "power_feed"("cabinet_id", "name");
CREATE INDEX "power_feed_source_id_idx" ON "power_feed"("source_id");

-- ------------------------------------------------------------------ hardware

CREATE TABLE "model" (
  "id" SERIAL NOT NULL,
  "name" TEXT NOT NULL,
  "manufacturer" TEXT NOT NULL DEFAULT '',
  "kind" "model_kind" NOT NULL,
  "height_u" INTEGER NOT NULL DEFAULT 1,
  "full_depth" BOOLEAN NOT NULL DEFAULT true,
  "bays" INTEGER NOT NULL DEFAULT 0,
  "bay_columns" INTEGER,
  "bay_rows" INTEGER,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "model_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "model_name_not_blank" CHECK (btrim("name") <> ''),
  -- a sled has no U of its own; everything else takes at least one
  CONSTRAINT "model_height_by_kind" CHECK (CASE WHEN "kind" = 'sled' THEN "height_u" = 0 ELSE "height_u" BETWEEN 1 AND 100 END),
  CONSTRAINT "model_bays_only_on_chassis" CHECK ("bays" >= 0 AND ("kind" = 'chassis' OR "bays" = 0)),
  -- bays are numbered row by row from the top left of a COLS x ROWS grid
  CONSTRAINT "model_bay_layout" CHECK (
    ("bay_columns" IS NULL AND "bay_rows" IS NULL)
    OR ("bay_columns" >= 1 AND "bay_rows" >= 1 AND "bay_columns" * "bay_rows" = "bays")
  )
);
CREATE UNIQUE INDEX "model_name_key" ON "model"("name");

CREATE TABLE "device" (
  "id" SERIAL NOT NULL,
  "hostname" TEXT NOT NULL,
  "model_id" INTEGER NOT NULL,
  "role" TEXT NOT NULL DEFAULT '',
  "status" "device_status" NOT NULL DEFAULT 'active',
  "serial" TEXT,
  "asset_tag" TEXT,
  "site_id" INTEGER,
  "cabinet_id" INTEGER,
  "u_low" INTEGER,
  "face" "face",
  "u_height" INTEGER NOT NULL DEFAULT 0,
  "full_depth" BOOLEAN NOT NULL DEFAULT true,
  "chassis_id" INTEGER,
  "bay" INTEGER,
  "primary_ip" INET,
  "oob_ip" INET,
  "os" TEXT NOT NULL DEFAULT '',
  "notes" TEXT NOT NULL DEFAULT '',
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "device_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "device_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "model"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "device_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "device_cabinet_id_fkey" FOREIGN KEY ("cabinet_id") REFERENCES "cabinet"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "device_cabinet_in_site" FOREIGN KEY ("cabinet_id", "site_id") REFERENCES "cabinet"("id", "site_id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "device_chassis_id_fkey" FOREIGN KEY ("chassis_id") REFERENCES "device"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "device_hostname_format" CHECK ("hostname" ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$'),
  CONSTRAINT "device_serial_not_blank" CHECK ("serial" IS NULL OR btrim("serial") <> ''),
  CONSTRAINT "device_asset_tag_not_blank" CHECK ("asset_tag" IS NULL OR btrim("asset_tag") <> ''),
  -- exactly one of: racked (cabinet + U + face), in a chassis bay, or unplaced
  CONSTRAINT "device_placement" CHECK (
    ("cabinet_id" IS NOT NULL AND "u_low" IS NOT NULL AND "face" IS NOT NULL AND "chassis_id" IS NULL AND "bay" IS NULL)
    OR ("chassis_id" IS NOT NULL AND "bay" IS NOT NULL AND "cabinet_id" IS NULL AND "u_low" IS NULL AND "face" IS NULL)
    OR ("cabinet_id" IS NULL AND "u_low" IS NULL AND "face" IS NULL AND "chassis_id" IS NULL AND "bay" IS NULL)
  ),
  CONSTRAINT "device_u_positive" CHECK ("u_low" IS NULL OR "u_low" >= 1),
  CONSTRAINT "device_bay_positive" CHECK ("bay" IS NULL OR "bay" >= 1),
  CONSTRAINT "device_not_own_chassis" CHECK ("chassis_id" IS NULL OR "chassis_id" <> "id"),
  -- No two racked devices overlap on a face; a full-depth device takes both faces. One exclusion
  -- constraint per face: a front half-depth and a rear half-depth device may share U.
  CONSTRAINT "device_no_overlap_front" EXCLUDE USING gist (
    "cabinet_id" WITH =, int4range("u_low", "u_low" + "u_height") WITH &&
  ) WHERE ("cabinet_id" IS NOT NULL AND ("face" = 'front' OR "full_depth")),
  CONSTRAINT "device_no_overlap_rear" EXCLUDE USING gist (
    "cabinet_id" WITH =, int4range("u_low", "u_low" + "u_height") WITH &&
  ) WHERE ("cabinet_id" IS NOT NULL AND ("face" = 'rear' OR "full_depth"))
);
CREATE UNIQUE INDEX "device_hostname_key" ON "device"("hostname");
-- hostnames, service tags and asset tags are unique whatever their case
CREATE UNIQUE INDEX "device_hostname_ci_key" ON "device"(lower("hostname"));
CREATE UNIQUE INDEX "device_serial_key" ON "device"(upper("serial")) WHERE "serial" IS NOT NULL;
CREATE UNIQUE INDEX "device_asset_tag_key" ON "device"(upper("asset_tag")) WHERE "asset_tag" IS NOT NULL;
CREATE UNIQUE INDEX "device_one_sled_per_bay" ON "device"("chassis_id", "bay");
CREATE INDEX "device_cabinet_id_idx" ON "device"("cabinet_id");
CREATE INDEX "device_model_id_idx" ON "device"("model_id");
-- locate: substring search on hostname, serial and asset tag
CREATE INDEX "device_hostname_trgm" ON "device" USING gin (lower("hostname") gin_trgm_ops);
CREATE INDEX "device_primary_ip_idx" ON "device"("primary_ip");
CREATE INDEX "device_oob_ip_idx" ON "device"("oob_ip");

CREATE TABLE "device_power" (
  "device_id" INTEGER NOT NULL,
  "feed_id" INTEGER NOT NULL,
  CONSTRAINT "device_power_pkey" PRIMARY KEY ("device_id", "feed_id"),
  CONSTRAINT "device_power_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "device"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "device_power_feed_id_fkey" FOREIGN KEY ("feed_id") REFERENCES "power_feed"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "device_power_feed_id_idx" ON "device_power"("feed_id");

CREATE TABLE "nic" (
  "id" SERIAL NOT NULL,
  "device_id" INTEGER NOT NULL,
  "name" TEXT NOT NULL,
  "kind" "nic_kind" NOT NULL DEFAULT 'nic',
  "mac" TEXT,
  "speed_mbps" INTEGER,
  "driver" TEXT,
  "enabled" BOOLEAN NOT NULL DEFAULT true,
  "bond_id" INTEGER,
  "bond_mode" TEXT,
  "ip" INET,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "nic_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "nic_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "device"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "nic_bond_id_fkey" FOREIGN KEY ("bond_id") REFERENCES "nic"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "nic_name_not_blank" CHECK (btrim("name") <> ''),
  CONSTRAINT "nic_mac_format" CHECK ("mac" IS NULL OR "mac" ~ '^[0-9a-f]{2}(:[0-9a-f]{2}){5}$'),
  CONSTRAINT "nic_speed_positive" CHECK ("speed_mbps" IS NULL OR "speed_mbps" > 0),
  CONSTRAINT "nic_bond_not_self" CHECK ("bond_id" IS NULL OR "bond_id" <> "id"),
  CONSTRAINT "nic_bond_member_kind" CHECK ("bond_id" IS NULL OR "kind" = 'nic'),
  CONSTRAINT "nic_bond_mode_on_bond" CHECK ("bond_mode" IS NULL OR "kind" = 'bond')
);
CREATE UNIQUE INDEX "nic_mac_key" ON "nic"("mac");
CREATE UNIQUE INDEX "nic_device_name_key" ON "nic"("device_id", "name");
CREATE UNIQUE INDEX "nic_id_device_key" ON "nic"("id", "device_id");
CREATE INDEX "nic_bond_id_idx" ON "nic"("bond_id");
-- a bond's members are Nics of the bond's own device (needs nic_id_device_key, hence after it)
ALTER TABLE "nic" ADD CONSTRAINT "nic_bond_same_device" FOREIGN KEY ("bond_id", "device_id") REFERENCES "nic"("id", "device_id") ON DELETE SET NULL ("bond_id") ON UPDATE CASCADE;
CREATE INDEX "nic_ip_idx" ON "nic"("ip");

CREATE TABLE "cable" (
  "id" SERIAL NOT NULL,
  "a_nic_id" INTEGER NOT NULL,
  "b_nic_id" INTEGER NOT NULL,
  "label" TEXT,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "cable_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "cable_a_nic_id_fkey" FOREIGN KEY ("a_nic_id") REFERENCES "nic"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "cable_b_nic_id_fkey" FOREIGN KEY ("b_nic_id") REFERENCES "nic"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "cable_ends_differ" CHECK ("a_nic_id" <> "b_nic_id"),
  CONSTRAINT "cable_label_not_blank" CHECK ("label" IS NULL OR btrim("label") <> '')
);
CREATE UNIQUE INDEX "cable_a_nic_id_key" ON "cable"("a_nic_id");
CREATE UNIQUE INDEX "cable_b_nic_id_key" ON "cable"("b_nic_id");
CREATE UNIQUE INDEX "cable_label_key" ON "cable"("label");

-- ------------------------------------------------------------------ services

CREATE TABLE "service" (
  "id" SERIAL NOT NULL,
  "name" TEXT NOT NULL,
  "description" TEXT NOT NULL DEFAULT '',
  "min_up" INTEGER NOT NULL DEFAULT 1,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "service_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "service_name_not_blank" CHECK (btrim("name") <> ''),
  CONSTRAINT "service_min_up_positive" CHECK ("min_up" >= 1)
);
CREATE UNIQUE INDEX "service_name_key" ON "service"("name");

CREATE TABLE "service_member" (
  "service_id" INTEGER NOT NULL,
  "device_id" INTEGER NOT NULL,
  "role" TEXT NOT NULL DEFAULT '',
  CONSTRAINT "service_member_pkey" PRIMARY KEY ("service_id", "device_id"),
  CONSTRAINT "service_member_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "service_member_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "device"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "service_member_device_id_idx" ON "service_member"("device_id");

-- ------------------------------------------------------------------ remote hands

CREATE TABLE "work_order" (
  "id" SERIAL NOT NULL,
  "title" TEXT NOT NULL,
  "instructions" TEXT NOT NULL DEFAULT '',
  "status" "work_order_status" NOT NULL DEFAULT 'open',
  "created_by_id" TEXT,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "work_order_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "work_order_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "work_order_title_not_blank" CHECK (btrim("title") <> '')
);

CREATE TABLE "work_order_item" (
  "id" SERIAL NOT NULL,
  "work_order_id" INTEGER NOT NULL,
  "device_id" INTEGER NOT NULL,
  "action" "work_action" NOT NULL,
  "note" TEXT NOT NULL DEFAULT '',
  "status" "work_item_status" NOT NULL DEFAULT 'pending',
  "result_note" TEXT NOT NULL DEFAULT '',
  "version" INTEGER NOT NULL DEFAULT 1,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "work_order_item_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "work_order_item_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_order"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "work_order_item_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "device"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "work_order_item_unique_action" ON "work_order_item"("work_order_id", "device_id", "action");
CREATE INDEX "work_order_item_device_id_idx" ON "work_order_item"("device_id");

CREATE TABLE "share_link" (
  "id" SERIAL NOT NULL,
  "work_order_id" INTEGER NOT NULL,
  "token_hash" TEXT NOT NULL,
  "created_by_id" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "revoked_at" TIMESTAMPTZ(3),
  "last_opened_at" TIMESTAMPTZ(3),
  "open_count" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "share_link_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "share_link_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_order"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "share_link_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  -- a sha256 hex digest, never the token itself
  CONSTRAINT "share_link_token_hash_format" CHECK ("token_hash" ~ '^[0-9a-f]{64}$'),
  CONSTRAINT "share_link_expiry_after_creation" CHECK ("expires_at" > "created_at")
);
CREATE UNIQUE INDEX "share_link_token_hash_key" ON "share_link"("token_hash");
CREATE INDEX "share_link_work_order_id_idx" ON "share_link"("work_order_id");

-- ------------------------------------------------------------------ audit and rate limits

CREATE TABLE "audit_log" (
  "id" BIGSERIAL NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "actor_type" "actor_type" NOT NULL,
  "actor_id" TEXT,
  "actor_label" TEXT NOT NULL DEFAULT '',
  "action" TEXT NOT NULL,
  "object_type" TEXT NOT NULL,
  "object_id" TEXT NOT NULL,
  "object_label" TEXT NOT NULL DEFAULT '',
  "before" JSONB,
  "after" JSONB,
  "batch_id" TEXT,
  CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_object_type_object_id_idx" ON "audit_log"("object_type", "object_id");
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");
CREATE INDEX "audit_log_batch_id_idx" ON "audit_log"("batch_id");

CREATE TABLE "rate_limit" (
  "key" TEXT NOT NULL,
  "window_start" TIMESTAMPTZ(3) NOT NULL,
  "count" INTEGER NOT NULL,
  CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);

-- ------------------------------------------------------------------ cross-table rules (triggers)
-- Each raises with a constraint name so the app maps it exactly as it maps a CHECK.

-- A device carries its model's height and depth (the exclusion constraints can only see its own
-- row), takes its site from its cabinet, must fit the cabinet, and a sled must sit in a bay that
-- the chassis' model has.
CREATE FUNCTION "device_before_write"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  m_kind "model_kind";
  m_height INTEGER;
  m_full BOOLEAN;
  cab_height INTEGER;
  cab_site INTEGER;
  cab_name TEXT;
  ch_kind "model_kind";
  ch_bays INTEGER;
  ch_host TEXT;
BEGIN
  SELECT kind, height_u, full_depth INTO m_kind, m_height, m_full FROM "model" WHERE id = NEW.model_id;
  NEW.u_height := m_height;
  NEW.full_depth := m_full;

  IF NEW.cabinet_id IS NOT NULL THEN
    SELECT height_u, site_id, name INTO cab_height, cab_site, cab_name FROM "cabinet" WHERE id = NEW.cabinet_id;
    NEW.site_id := cab_site;
    IF m_height < 1 THEN
      RAISE EXCEPTION 'a % has no U of its own and cannot be racked; put it in a chassis bay', m_kind
        USING ERRCODE = '23514', CONSTRAINT = 'device_racked_needs_height';
    END IF;
    IF NEW.u_low + m_height - 1 > cab_height THEN
      RAISE EXCEPTION 'U%-U% does not fit cabinet % (% U high)', NEW.u_low, NEW.u_low + m_height - 1, cab_name, cab_height
        USING ERRCODE = '23514', CONSTRAINT = 'device_u_fits_cabinet';
    END IF;
  END IF;

  IF NEW.chassis_id IS NOT NULL THEN
    SELECT m.kind, m.bays, d.hostname INTO ch_kind, ch_bays, ch_host
      FROM "device" d JOIN "model" m ON m.id = d.model_id WHERE d.id = NEW.chassis_id;
    IF ch_kind IS DISTINCT FROM 'chassis' THEN
      RAISE EXCEPTION '% is not a chassis', ch_host USING ERRCODE = '23514', CONSTRAINT = 'device_chassis_is_chassis';
    END IF;
    IF m_kind <> 'sled' THEN
      RAISE EXCEPTION 'only a sled goes in a chassis bay' USING ERRCODE = '23514', CONSTRAINT = 'device_bay_needs_sled';
    END IF;
    -- only checked when the placement changes, so a later change to the chassis model leaves a
    -- finding to fix rather than a device that can no longer be edited
    IF TG_OP = 'INSERT' OR NEW.chassis_id IS DISTINCT FROM OLD.chassis_id OR NEW.bay IS DISTINCT FROM OLD.bay THEN
      IF NEW.bay > ch_bays THEN
        RAISE EXCEPTION 'chassis % has no bay % (it has %)', ch_host, NEW.bay, ch_bays
          USING ERRCODE = '23514', CONSTRAINT = 'device_bay_exists';
      END IF;
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "device_before_write" BEFORE INSERT OR UPDATE ON "device"
  FOR EACH ROW EXECUTE FUNCTION "device_before_write"();

-- A change to a model's height or depth reaches every device of that model, so the exclusion
-- constraints re-check them all: the change succeeds everywhere or fails naming a conflict.
CREATE FUNCTION "model_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.height_u IS DISTINCT FROM OLD.height_u OR NEW.full_depth IS DISTINCT FROM OLD.full_depth THEN
    UPDATE "device" SET u_height = NEW.height_u, full_depth = NEW.full_depth WHERE model_id = NEW.id;
  END IF;
  IF NEW.kind IS DISTINCT FROM OLD.kind AND EXISTS (SELECT 1 FROM "device" WHERE model_id = NEW.id) THEN
    RAISE EXCEPTION 'model % is in use; its kind cannot change', NEW.name
      USING ERRCODE = '23514', CONSTRAINT = 'model_kind_fixed_in_use';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "model_after_update" AFTER UPDATE ON "model"
  FOR EACH ROW EXECUTE FUNCTION "model_after_update"();

-- A cabinet cannot shrink below the devices in it.
CREATE FUNCTION "cabinet_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  too_high TEXT;
BEGIN
  IF NEW.height_u < OLD.height_u THEN
    SELECT string_agg(hostname, ', ' ORDER BY u_low) INTO too_high FROM "device"
      WHERE cabinet_id = NEW.id AND u_low + u_height - 1 > NEW.height_u;
    IF too_high IS NOT NULL THEN
      RAISE EXCEPTION 'cabinet % cannot shrink to % U: % would stick out', NEW.name, NEW.height_u, too_high
        USING ERRCODE = '23514', CONSTRAINT = 'device_u_fits_cabinet';
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "cabinet_after_update" AFTER UPDATE ON "cabinet"
  FOR EACH ROW EXECUTE FUNCTION "cabinet_after_update"();

-- A Nic is on at most one cable, whichever end. Unique indexes cover each column; this covers a Nic
-- that is the a-end of one cable and the b-end of another. Locking both Nic rows serialises
-- concurrent writers, so two transactions cannot both pass the check.
CREATE FUNCTION "cable_before_write"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  taken TEXT;
BEGIN
  PERFORM 1 FROM "nic" WHERE id IN (NEW.a_nic_id, NEW.b_nic_id) ORDER BY id FOR UPDATE;
  SELECT d.hostname || ' ' || n.name INTO taken
    FROM "cable" c JOIN "nic" n ON n.id IN (c.a_nic_id, c.b_nic_id) JOIN "device" d ON d.id = n.device_id
    WHERE c.id IS DISTINCT FROM NEW.id
      AND n.id IN (NEW.a_nic_id, NEW.b_nic_id)
    LIMIT 1;
  IF taken IS NOT NULL THEN
    RAISE EXCEPTION '% is already cabled', taken USING ERRCODE = '23505', CONSTRAINT = 'cable_nic_one_cable';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "cable_before_write" BEFORE INSERT OR UPDATE ON "cable"
  FOR EACH ROW EXECUTE FUNCTION "cable_before_write"();

-- A device draws power only from feeds of its own cabinet (a sled draws on its chassis' feeds and
-- has no rows here).
CREATE FUNCTION "device_power_before_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "device" d JOIN "power_feed" f ON f.cabinet_id = d.cabinet_id
    WHERE d.id = NEW.device_id AND f.id = NEW.feed_id
  ) THEN
    RAISE EXCEPTION 'a device draws power only from feeds of its own cabinet'
      USING ERRCODE = '23514', CONSTRAINT = 'device_power_feed_in_cabinet';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "device_power_before_write" BEFORE INSERT OR UPDATE ON "device_power"
  FOR EACH ROW EXECUTE FUNCTION "device_power_before_write"();

-- A feed's source is in the feed's own site.
CREATE FUNCTION "power_feed_before_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.source_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "power_source" s JOIN "cabinet" c ON c.site_id = s.site_id
    WHERE s.id = NEW.source_id AND c.id = NEW.cabinet_id
  ) THEN
    RAISE EXCEPTION 'a power feed''s source must be in the cabinet''s site'
      USING ERRCODE = '23514', CONSTRAINT = 'power_feed_source_in_site';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "power_feed_before_write" BEFORE INSERT OR UPDATE ON "power_feed"
  FOR EACH ROW EXECUTE FUNCTION "power_feed_before_write"();
