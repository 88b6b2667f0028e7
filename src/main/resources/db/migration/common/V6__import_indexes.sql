-- Every import sums itself up by its import id (the job_execution_id columns) and the
-- registration import reads back its own PENDING events: without these indexes each of those
-- queries reads the whole table, which grows with the retention period.
CREATE INDEX ix_cdr_job ON cdr (job_execution_id);
CREATE INDEX ix_registration_event_job ON registration_event (job_execution_id, outcome);
CREATE INDEX ix_alert_job ON alert (job_execution_id);
