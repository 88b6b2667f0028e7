-- Registration event keys start with the event's second in UTC (see
-- RegistrationLineProcessor.eventKey), so that a time-ordered log adds to the end of the
-- unique index. Keys stored before get the same prefix: the same event imported again is
-- still recognised. The hash part is unchanged.
UPDATE registration_event
SET event_key = to_char(event_time AT TIME ZONE 'UTC', 'YYYYMMDD"T"HH24MISS"Z"') || '-' || event_key;
