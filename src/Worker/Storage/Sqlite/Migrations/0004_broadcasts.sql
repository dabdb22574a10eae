-- Version 4: broadcasts (campaign runs and approved alerts). Each becomes outbox rows, one per
-- subscriber, enqueued in batches; cursor_chat_id is where a crashed enqueue resumes.
CREATE TABLE broadcasts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    run_key         TEXT    NOT NULL UNIQUE,           -- campaign:ID@fire-ms | alert:N
    kind            TEXT    NOT NULL,                  -- campaign | alert
    campaign_id     TEXT,
    topic           TEXT    NOT NULL,
    template        TEXT    NOT NULL,
    rotate          TEXT,                              -- tips
    state           TEXT    NOT NULL,                  -- pending_approval | approved | rejected | enqueuing | enqueued
    proposed_by     INTEGER,
    decided_by      INTEGER,
    cursor_chat_id  INTEGER NOT NULL DEFAULT -9223372036854775808,
    total           INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    decided_at      INTEGER,
    enqueued_at     INTEGER
);

ALTER TABLE outbox ADD COLUMN broadcast_id INTEGER;
CREATE INDEX ix_outbox_broadcast ON outbox (broadcast_id, state);
