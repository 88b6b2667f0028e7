-- Evaluating registrations no longer locks every event it evaluates. On PostgreSQL the foreign
-- key from registration_outcome to registration_event checked each new outcome by locking the
-- event's row (FOR KEY SHARE), which writes the event's page: the evaluation step rewrote the
-- whole table the load step had just written. Only the evaluation step writes outcomes, for
-- events it has just read under the run lock, and only retention deletes events: it now
-- deletes their outcomes itself, which the key's ON DELETE CASCADE did.
ALTER TABLE registration_outcome DROP CONSTRAINT fk_registration_outcome_event;
