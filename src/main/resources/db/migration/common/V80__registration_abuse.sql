-- Registration abuse (AUTH_FAILURES, PASSWORD_GUESSING, SCANNER) and the blocklist.

-- A failed REGISTER for a user that is no telephone number (a scanner trying "admin" or "100")
-- is kept as an event without a number: it counts as a failed authentication from its address.
ALTER TABLE registration_event ALTER COLUMN number DROP NOT NULL;

-- An alert may be about an address rather than a number: number is then empty and the alert
-- goes to the operators. address is the source address an alert is about or came from.
ALTER TABLE alert ALTER COLUMN number DROP NOT NULL;
ALTER TABLE alert ADD COLUMN address VARCHAR(45);
ALTER TABLE email_outbox ALTER COLUMN number DROP NOT NULL;
ALTER TABLE email_outbox ADD COLUMN address VARCHAR(45);

-- The counting window of one check for one subject (an address or a number): the recent
-- events still inside the window, one "epoch-millis tab what-was-tried" per line, at most as
-- many as the highest threshold; the quiet period after its last alert; and when the row is
-- of no more use (window empty and quiet period over), for housekeeping. The key starts with
-- the subject: a chunk reads its windows with "subject IN (...)", which H2 looks up in an index
-- only on the index's first column (with the check first it read every window of the check).
CREATE TABLE abuse_window (
    check_name      VARCHAR(30)     NOT NULL,
    subject         VARCHAR(45)     NOT NULL,
    recent          VARCHAR(1000000) NOT NULL,
    quiet_until     TIMESTAMP WITH TIME ZONE,
    quiet_severity  VARCHAR(10),
    useless_after   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_abuse_window PRIMARY KEY (subject, check_name)
);
CREATE INDEX ix_abuse_window_useless ON abuse_window (useless_after);

-- One ban per alert that names an address and whose check has a ban time: the blocklist.
CREATE TABLE address_ban (
    alert_key   VARCHAR(300) NOT NULL PRIMARY KEY,
    address     VARCHAR(45)  NOT NULL,
    reason      VARCHAR(40)  NOT NULL,
    banned_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_address_ban_expiry ON address_ban (expires_at);
