-- Call-pattern checks (CALL_RATE, CONCURRENT_CALLS, SEQUENTIAL_CALLS, LONG_CALL, DAILY_CALLS).
-- A number's profile of rules/thresholds.csv; NULL is the "default" profile.
ALTER TABLE number_settings ADD COLUMN threshold_profile VARCHAR(40);
-- The dialled number's digits in E.164 without "+", as priced: what threshold rows match
-- their prefixes against when a later import reads the call back. NULL for incoming calls
-- and for calls stored before this version.
ALTER TABLE cdr ADD COLUMN dialled_digits VARCHAR(16);
-- The highest severity among the facts of an email's alerts (WARNING, CRITICAL), for the
-- X-VoIPGuard-Severity header; NULL when none of them has one.
ALTER TABLE email_outbox ADD COLUMN severity VARCHAR(10);
