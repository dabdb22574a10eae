-- Version 1: chats and subscriptions, the outbox (which is also the delivery ledger), the audit log.
-- Times are unix milliseconds (UTC).

CREATE TABLE chats (
    chat_id      INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL DEFAULT 'private',   -- private | group
    user_id      INTEGER,
    first_name   TEXT,
    username     TEXT,
    language     TEXT,                                 -- null: Bot:DefaultLanguage
    quiet_start  INTEGER,                              -- minutes after local midnight
    quiet_end    INTEGER,
    quiet_zone   TEXT,
    status       TEXT    NOT NULL DEFAULT 'active',    -- active | blocked | forgotten
    status_at    INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);

CREATE TABLE topics (
    id          TEXT    PRIMARY KEY,
    is_default  INTEGER NOT NULL,
    position    INTEGER NOT NULL
);
INSERT INTO topics (id, is_default, position) VALUES ('tips', 1, 1), ('alerts', 1, 2), ('campaigns', 0, 3);

CREATE TABLE subscriptions (
    chat_id  INTEGER NOT NULL,
    topic    TEXT    NOT NULL,
    since    INTEGER NOT NULL,
    PRIMARY KEY (chat_id, topic)
);
CREATE INDEX ix_subscriptions_topic ON subscriptions (topic, chat_id);

-- When each topic was turned on or off, and by which command.
CREATE TABLE consent_log (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id  INTEGER NOT NULL,
    topic    TEXT    NOT NULL,
    action   TEXT    NOT NULL,                         -- on | off
    source   TEXT    NOT NULL,                         -- /subscribe, /stop, button, blocked, ...
    at       INTEGER NOT NULL
);
CREATE INDEX ix_consent_log_chat ON consent_log (chat_id, id);

CREATE TABLE tip_history (
    chat_id  INTEGER NOT NULL,
    tip_id   TEXT    NOT NULL,
    at       INTEGER NOT NULL,
    PRIMARY KEY (chat_id, tip_id)
);

-- One row per message to send. The row's final state is the ledger entry: a key recorded as
-- sent is never sent again.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    idem_key     TEXT    NOT NULL UNIQUE,
    chat_id      INTEGER NOT NULL,
    priority     INTEGER NOT NULL,                     -- 0 replies, 1 reminders, 2 alerts, 3 tips
    kind         TEXT    NOT NULL,                     -- template name, for statistics
    text         TEXT    NOT NULL,                     -- Telegram HTML
    buttons      TEXT,                                 -- JSON rows of [text, data]
    state        TEXT    NOT NULL,                     -- pending | deferred | sent | blocked | failed | expired
    attempts     INTEGER NOT NULL DEFAULT 0,
    not_before   INTEGER NOT NULL,
    expires_at   INTEGER,
    plain_text   INTEGER NOT NULL DEFAULT 0,           -- 1 after Telegram refused the HTML once
    message_id   INTEGER,
    last_error   TEXT,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    sent_at      INTEGER
);
CREATE INDEX ix_outbox_pending  ON outbox (priority, id) WHERE state = 'pending';
CREATE INDEX ix_outbox_deferred ON outbox (not_before)   WHERE state = 'deferred';
CREATE INDEX ix_outbox_chat     ON outbox (chat_id, state);
CREATE INDEX ix_outbox_state    ON outbox (state, updated_at);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        INTEGER NOT NULL,
    user_id   INTEGER NOT NULL,
    action    TEXT    NOT NULL,
    detail    TEXT,
    allowed   INTEGER NOT NULL
);
