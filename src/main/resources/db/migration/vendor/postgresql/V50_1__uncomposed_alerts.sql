-- Composing reads the alerts not composed yet a page at a time in id order
-- (composed_at IS NULL AND id > ? ORDER BY id). PostgreSQL cannot walk an index on
-- composed_at in id order for the NULLs, so it read every uncomposed alert for every page;
-- an index of the uncomposed alerts alone, by id, gives each page directly and stays small.
-- (On H2 every index ends with the row id, so (composed_at) already gives that order.)
DROP INDEX ix_alert_uncomposed;
CREATE INDEX ix_alert_uncomposed ON alert (id) WHERE composed_at IS NULL;
