-- Version 20: retention's index holds finished rows only (issue 22). ix_outbox_state (state, updated_at) held every row,
-- so each of a million enqueued rows, and each of its two state changes on the way out, wrote an entry that only
-- retention reads, and retention reads only rows in a final state.
-- Same statements in Sqlite/Migrations/0020_outbox_finished_index.sql.

DROP INDEX IF EXISTS ix_outbox_state;
CREATE INDEX ix_outbox_finished ON outbox (updated_at) WHERE state IN ('sent', 'blocked', 'failed', 'expired');
