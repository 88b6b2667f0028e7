-- Embedded H2 writes every page a transaction touched when it commits (VoIPGuard sets
-- WRITE_DELAY 0 so that a commit survives a kill). Two things made each imported chunk far
-- more expensive than it needs to be:

-- A call's entry in this index lands at a random place, so keeping it cost about one page
-- write per imported call. No VoIPGuard query reads calls by number and month (spend is kept
-- per number-month in monthly_spend); PostgreSQL keeps the index for analysts' own queries.
DROP INDEX ix_cdr_number_month;

-- Every index entry is also rewritten when the chunk commits. The import now counts its calls
-- as it stores them, so this index only served reading back a restarted import's calls, which
-- a scan of the table does as well for something that rare.
DROP INDEX ix_cdr_job;

-- An identity column hands out 32 values between saves of its sequence, and each save wrote
-- the whole database state of the running chunk, several times per chunk. Values handed out
-- but not used when a run is killed leave a gap in the ids, which nothing relies on.
ALTER TABLE alert ALTER COLUMN id SET CACHE 100000;
ALTER TABLE rejected_line ALTER COLUMN id SET CACHE 100000;
ALTER TABLE registration_event ALTER COLUMN id SET CACHE 100000;
ALTER TABLE email_outbox ALTER COLUMN id SET CACHE 100000;
