-- Delivery no longer rewrites every email of a page twice. Marking a page SENDING rewrote each
-- email's row and its (status, id) index entry, and marking it SENT did it again: on H2 those
-- two statements were most of the cost of writing an email. Now the page handed to the
-- transport is said by one short row, its first and last email id; its emails stay PENDING
-- until those that went through are marked SENT, then the row is removed. A run that finds the
-- row was preceded by a run that died while sending that page.
CREATE TABLE outbox_sending (
    id        INT    NOT NULL PRIMARY KEY,
    first_id  BIGINT NOT NULL,
    last_id   BIGINT NOT NULL,
    CONSTRAINT ck_outbox_sending_one_page CHECK (id = 1)
);
-- The emails a dead run left SENDING were all of one page: the row says that page, and they
-- are pending again, so the next run looks for them as before.
INSERT INTO outbox_sending (id, first_id, last_id)
    SELECT 1, MIN(id), MAX(id) FROM email_outbox WHERE status = 'SENDING' HAVING COUNT(*) > 0;
UPDATE email_outbox SET status = 'PENDING' WHERE status = 'SENDING';
