-- Version 19: paid broadcasts (issue 22). A broadcast row sent with Telegram's allow_paid_broadcast is marked paid (it
-- goes in the send gate's paid lane, and its 0.1 Star is counted per broadcast once it is sent).
-- Same statement in Sqlite/Migrations/0019_paid_broadcast.sql.

ALTER TABLE outbox ADD COLUMN paid INTEGER NOT NULL DEFAULT 0;
