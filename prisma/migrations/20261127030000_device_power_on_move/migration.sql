-- A device draws power only from its own cabinet's feeds. device_power_before_write checks rows
-- written to device_power; this covers the other direction: a device that moves (to another
-- cabinet, into a chassis bay, or out of its rack) while it still has power rows for feeds of the
-- cabinet it leaves. The move must replace or remove those rows in the same transaction.
CREATE FUNCTION "device_power_follows_move"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stale TEXT;
BEGIN
  IF NEW.cabinet_id IS DISTINCT FROM OLD.cabinet_id THEN
    SELECT string_agg(f.name, ', ' ORDER BY f.name) INTO stale
      FROM "device_power" p JOIN "power_feed" f ON f.id = p.feed_id
     WHERE p.device_id = NEW.id AND f.cabinet_id IS DISTINCT FROM NEW.cabinet_id;
    IF stale IS NOT NULL THEN
      RAISE EXCEPTION '% still draws on feed(s) % of its old cabinet: set its power for the new place', NEW.hostname, stale
        USING ERRCODE = '23514', CONSTRAINT = 'device_power_feed_in_cabinet';
    END IF;
  END IF;
  RETURN NULL;
END $$;
-- deferred, so a move and the replacement of its power rows can happen in either order
CREATE CONSTRAINT TRIGGER "device_power_follows_move" AFTER UPDATE OF "cabinet_id" ON "device"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "device_power_follows_move"();
