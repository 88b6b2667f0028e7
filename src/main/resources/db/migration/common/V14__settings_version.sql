-- A stamp that every change of number_settings moves on: a long-running service polls it and
-- reloads the settings it holds in memory when it changed.
CREATE TABLE settings_version (
    id          INT                      NOT NULL PRIMARY KEY,
    version     BIGINT                   NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO settings_version (id, version, changed_at) VALUES (1, 0, CURRENT_TIMESTAMP);
