-- Kamailio acc logs an answered INVITE and its BYE as two lines, perhaps in two files: the
-- INVITE waits here for its BYE, which completes the call (its duration is the time between).
CREATE TABLE cdr_open_call (
    call_id     VARCHAR(128) NOT NULL PRIMARY KEY,
    number      VARCHAR(16)  NOT NULL,
    called      VARCHAR(64)  NOT NULL,
    start_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    import_id   BIGINT       NOT NULL
);
