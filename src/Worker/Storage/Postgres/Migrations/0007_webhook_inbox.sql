-- Version 7: the webhook inbox. Every node that Telegram posts an update to stores it here, keyed by
-- update_id, before answering 200; a second post of the same update (a retry, or to another node) adds
-- nothing. The leader claims unhandled rows in update order and marks each handled, dropping its
-- payload, so handled rows stay a few bytes until retention deletes them.
-- Translated from Sqlite/Migrations/0007_webhook_inbox.sql.

CREATE TABLE webhook_inbox (
    update_id   BIGINT PRIMARY KEY,
    payload     TEXT,
    received_at BIGINT NOT NULL,
    claimed_by  TEXT,
    claimed_at  BIGINT,
    handled_at  BIGINT
);
CREATE INDEX ix_webhook_inbox_unhandled ON webhook_inbox (update_id) WHERE handled_at IS NULL;
CREATE INDEX ix_webhook_inbox_handled_at ON webhook_inbox (handled_at) WHERE handled_at IS NOT NULL;
