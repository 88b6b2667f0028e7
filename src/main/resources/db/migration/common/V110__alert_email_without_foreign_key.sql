-- Composing no longer locks every alert it composes. On PostgreSQL the foreign key from
-- alert_email to alert checked each new row by locking the alert's row (FOR KEY SHARE), which
-- writes the alert's page: composing rewrote the whole alert table, facts included. Storing the
-- links of 1,455,894 alerts took 16.8 s with the key and 4.7 s without it. Only the composer
-- writes links, for alerts it has just read under the run lock, and only retention deletes
-- alerts: it now deletes their links itself, which the key's ON DELETE CASCADE did.
ALTER TABLE alert_email DROP CONSTRAINT fk_alert_email_alert;
