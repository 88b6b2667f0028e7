-- The registration import evaluates its events in time order (job_execution_id, event_time,
-- id), which for a time-ordered log is the order they were stored in, and H2 writes an index
-- that grows at its end far faster than one written all over. Nothing reads the events by
-- number, so that index goes.
DROP INDEX ix_registration_event_number;
DROP INDEX ix_registration_event_job;

-- An event's outcome is a row of its own, written once it is evaluated; an event without one
-- is still to be evaluated. H2 carries out an UPDATE as a delete and an insert in the table
-- and in each of its indexes: setting the outcome in registration_event cost more than
-- storing the event.
CREATE TABLE registration_outcome (
    event_id  BIGINT      NOT NULL PRIMARY KEY,
    outcome   VARCHAR(20) NOT NULL
);
INSERT INTO registration_outcome (event_id, outcome)
SELECT id, outcome FROM registration_event WHERE outcome <> 'PENDING';
ALTER TABLE registration_event DROP COLUMN outcome;
ALTER TABLE registration_outcome ADD CONSTRAINT fk_registration_outcome_event
    FOREIGN KEY (event_id) REFERENCES registration_event (id) ON DELETE CASCADE;

-- Registration event keys start with the event's second in UTC (see
-- RegistrationLineProcessor.eventKey), so that a time-ordered log adds to the end of the
-- unique index. Keys stored before get the same prefix: the same event imported again is
-- still recognised. The hash part is unchanged.
UPDATE registration_event
SET event_key = FORMATDATETIME(event_time, 'yyyyMMdd''T''HHmmss''Z''', 'en', 'UTC') || '-' || event_key;

CREATE INDEX ix_registration_event_job_time ON registration_event (job_execution_id, event_time, id);

-- H2 writes an identity column's next value to the file in a commit of its own every CACHE
-- values, 32 by default: with commits written at once (DurableH2Commits) that was one extra
-- file write every 32 events stored. A run that dies only leaves a gap in the ids.
ALTER TABLE registration_event ALTER COLUMN id SET CACHE 100000;
