-- Version 12: a sensitive outbox row (the /web reply with its one-time sign-in token) keeps its text only while it
-- may still be sent; every write of a final state (sent, blocked, failed, expired) blanks it in the same statement.
-- Rows from before: the web-login replies are marked, and those already finished are blanked now.
-- Same statements in Postgres/Migrations/0012_outbox_sensitive.sql.

ALTER TABLE outbox ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0;  -- 1: blank the text once final
UPDATE outbox SET sensitive = 1 WHERE kind = 'web-login';
UPDATE outbox SET text = '' WHERE sensitive = 1 AND state IN ('sent', 'blocked', 'failed', 'expired');
