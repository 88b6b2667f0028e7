-- Composing an alert no longer rewrites it. H2 carries out an UPDATE as a delete and an insert
-- of the whole row (facts included) and of every index entry that changes, and composing set
-- two columns of every alert: a third of the cost of composing. Instead, composing adds a short
-- row per alert (which email carries it, or none when it goes to nobody) in alert id order, and
-- moves a mark: every alert up to it is composed, so a run reads only the alerts after it.
CREATE TABLE alert_email (
    alert_id     BIGINT NOT NULL PRIMARY KEY,
    email_id     BIGINT,
    composed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_alert_email_alert FOREIGN KEY (alert_id) REFERENCES alert (id) ON DELETE CASCADE
);
CREATE INDEX ix_alert_email_email ON alert_email (email_id);
INSERT INTO alert_email (alert_id, email_id, composed_at)
    SELECT id, email_id, composed_at FROM alert WHERE composed_at IS NOT NULL;

-- One row: every alert whose id is at most composed_through is composed. Alert ids are handed
-- out in increasing order and every writer of alerts holds the run lock, so no alert below the
-- mark can arrive after a run moved it.
CREATE TABLE compose_mark (
    id                INT    NOT NULL PRIMARY KEY,
    composed_through  BIGINT NOT NULL
);
INSERT INTO compose_mark (id, composed_through) VALUES (1, COALESCE(
    (SELECT MIN(id) - 1 FROM alert WHERE composed_at IS NULL), (SELECT MAX(id) FROM alert), 0));

DROP INDEX IF EXISTS ix_alert_uncomposed;
DROP INDEX IF EXISTS ix_alert_unsent;
ALTER TABLE alert DROP COLUMN composed_at;
ALTER TABLE alert DROP COLUMN email_id;
