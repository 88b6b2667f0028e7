-- The tables keep the import that stored a row, the Spring Batch job *instance* of the file
-- (restarts of an import keep it; each run is a new job execution). The columns were named
-- job_execution_id, which invited "fixing" them to the execution id and breaking restarts.
ALTER TABLE imported_file RENAME COLUMN job_execution_id TO import_id;
ALTER TABLE cdr RENAME COLUMN job_execution_id TO import_id;
ALTER TABLE monthly_spend RENAME COLUMN last_job_execution_id TO last_import_id;
ALTER TABLE alert RENAME COLUMN job_execution_id TO import_id;
ALTER TABLE rejected_line RENAME COLUMN job_execution_id TO import_id;
ALTER TABLE registration_event RENAME COLUMN job_execution_id TO import_id;
