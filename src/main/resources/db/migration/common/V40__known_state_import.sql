-- The import that first saw each known address and User-Agent of a number, so that an import
-- (a baseline above all) can say how many numbers, addresses and User-Agents it learned. Rows
-- stored before have none.
ALTER TABLE known_ip ADD COLUMN import_id BIGINT;
ALTER TABLE known_user_agent ADD COLUMN import_id BIGINT;
