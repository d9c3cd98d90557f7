-- The models Rackmap ships with (DESIGN.md, "models" CSV: the Dell models of the story and a
-- generic 1U switch), in every database, so a devices file can name them without a models file
-- first. The same list as STANDARD_MODELS in lib/demo/datacenter-plan.ts;
-- tests/standard-models.integration.test.ts keeps the two equal. A model of the same name that is
-- already there (edited or imported) is left as it is.
INSERT INTO "model" ("name", "manufacturer", "kind", "height_u", "full_depth", "bays", "bay_columns", "bay_rows") VALUES
  ('PowerEdge C5000', 'Dell', 'chassis', 3, true, 8, 8, 1),
  ('PowerEdge C5220', 'Dell', 'sled', 0, true, 0, NULL, NULL),
  ('PowerEdge C6100', 'Dell', 'chassis', 2, true, 4, 2, 2),
  ('PowerEdge C6100 sled', 'Dell', 'sled', 0, true, 0, NULL, NULL),
  ('PowerEdge C6220', 'Dell', 'chassis', 2, true, 4, 2, 2),
  ('PowerEdge C6220 sled', 'Dell', 'sled', 0, true, 0, NULL, NULL),
  ('PowerEdge R710', 'Dell', 'server', 2, true, 0, NULL, NULL),
  ('PowerEdge 2950', 'Dell', 'server', 2, true, 0, NULL, NULL),
  ('PowerEdge R510', 'Dell', 'storage', 2, true, 0, NULL, NULL),
  ('Generic 1U switch', 'Generic', 'switch', 1, true, 0, NULL, NULL)
ON CONFLICT ("name") DO NOTHING;
