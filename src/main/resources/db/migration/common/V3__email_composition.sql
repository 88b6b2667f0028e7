-- An alert is composed once: into an email (email_id set) or, when its number has no
-- address, into nothing. composed_at records either outcome, so a NULL email_id no longer
-- means "compose again".
ALTER TABLE alert ADD COLUMN composed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_alert_uncomposed ON alert (composed_at);
