-- Version 9: alerts with the admin's own text (/broadcast TOPIC + text). The text is stored as typed
-- and rendered, HTML-escaped, inside the live `alert` template for each subscriber; NULL for
-- campaigns and template alerts. Translated from Sqlite/Migrations/0009_broadcast_text.sql.

ALTER TABLE broadcasts ADD COLUMN text TEXT;
