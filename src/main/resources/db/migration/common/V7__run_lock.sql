-- One VoIPGuard run that writes at a time. On H2 the run holds this row locked
-- (SELECT ... FOR UPDATE NOWAIT) on a connection of its own for as long as it runs; on
-- PostgreSQL it takes a session advisory lock instead and the table stays unused, because a
-- transaction held open for hours would keep VACUUM from cleaning up.
CREATE TABLE run_lock (
    name  VARCHAR(40) NOT NULL PRIMARY KEY
);
INSERT INTO run_lock (name) VALUES ('voipguard');
