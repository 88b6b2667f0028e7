-- The outbox at thousands of emails a second. An email's text is written once, when it is
-- composed; its status changes two or three times (PENDING, SENDING, SENT) and both H2 and
-- PostgreSQL write the whole row again at each change. The body moves to a table of its own,
-- so a status change rewrites only the short row of addresses, status and counters.
CREATE TABLE email_body (
    email_id  BIGINT          NOT NULL PRIMARY KEY,
    body      VARCHAR(200000) NOT NULL,
    CONSTRAINT fk_email_body_email FOREIGN KEY (email_id) REFERENCES email_outbox (id) ON DELETE CASCADE
);
INSERT INTO email_body (email_id, body) SELECT id, body FROM email_outbox;
ALTER TABLE email_outbox DROP COLUMN body;

-- Delivery reads the pending emails a page at a time in id order (status = 'PENDING' AND
-- id > ? ORDER BY id): the index gives them in that order on both databases.
DROP INDEX ix_email_status;
CREATE INDEX ix_email_status ON email_outbox (status, id);
