-- Which transactions changed the inventory, so a replica may keep the failure-domain index it built
-- (lib/db/failure-snapshot.ts) exactly as long as no change has committed since: a reader asks, in its
-- own snapshot, whether any committed writer was not visible in the snapshot the index was built from.
-- Insert-only, one row per writing statement, so writers never wait on each other here.
CREATE TABLE "inventory_change" (
  "id" BIGSERIAL NOT NULL,
  -- the writer's top-level transaction id (xid8 as a number: never wraps)
  "xid" BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "inventory_change_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "inventory_change_xid_idx" ON "inventory_change" ("xid");

CREATE FUNCTION "inventory_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "inventory_change" DEFAULT VALUES;
  -- now and then, forget changes no cached index can predate (an index is kept at most an hour);
  -- SKIP LOCKED, so two writers pruning at once never wait on each other
  IF random() < 0.001 THEN
    DELETE FROM "inventory_change" WHERE "id" IN (
      SELECT "id" FROM "inventory_change" WHERE "at" < CURRENT_TIMESTAMP - INTERVAL '1 day'
       ORDER BY "id" LIMIT 10000 FOR UPDATE SKIP LOCKED);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "site_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "site" FOR EACH STATEMENT EXECUTE FUNCTION "inventory_changed"();
CREATE TRIGGER "room_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "room" FOR EACH STATEMENT EXECUTE FUNCTION "inventory_changed"();
CREATE TRIGGER "power_source_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "power_source" FOR EACH STATEMENT EXECUTE FUNCTION "inventory_changed"();
CREATE TRIGGER "cabinet_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "cabinet" FOR EACH STATEMENT EXECUTE FUNCTION "inventory_changed"();
CREATE TRIGGER "power_feed_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "power_feed" FOR EACH STATEMENT EXECUTE FUNCTION "inventory_changed"();
CREATE TRIGGER "model_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "model" FOR EACH STATEMENT EXECUTE FUNCTION "inventory_changed"();
CREATE TRIGGER "device_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "device" FOR EACH STATEMENT EXECUTE FUNCTION "inventory_changed"();
CREATE TRIGGER "device_power_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "device_power" FOR EACH STATEMENT EXECUTE FUNCTION "inventory_changed"();
CREATE TRIGGER "nic_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "nic" FOR EACH STATEMENT EXECUTE FUNCTION "inventory_changed"();
CREATE TRIGGER "cable_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "cable" FOR EACH STATEMENT EXECUTE FUNCTION "inventory_changed"();
CREATE TRIGGER "service_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "service" FOR EACH STATEMENT EXECUTE FUNCTION "inventory_changed"();
CREATE TRIGGER "service_member_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "service_member" FOR EACH STATEMENT EXECUTE FUNCTION "inventory_changed"();
