-- Month end (P5). A bill row is written once per number and closed month, in the same
-- transaction as the level change it causes, so a month-end run that died half way carries
-- on where it stopped and its summary is exact. warning_level_gbp is the number's bill
-- warning level from the close on; previous_level_gbp the level it had during the month.
ALTER TABLE monthly_bill ADD COLUMN previous_level_gbp NUMERIC(12,2);
CREATE INDEX ix_monthly_bill_month ON monthly_bill (billing_month);

-- Nightly retention looks for old rows by time.
CREATE INDEX ix_registration_event_time ON registration_event (event_time);
CREATE INDEX ix_alert_created ON alert (created_at);
