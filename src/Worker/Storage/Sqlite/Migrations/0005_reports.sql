-- Version 5: scam reports, the numbers reports confirmed, verdict counts, the "awaiting report" marker.
-- The checked text of a /check is never stored: check_stats holds counts only. A report's text is
-- stored because the user asked us to look at it (/mydata shows it, /forget deletes it).

CREATE TABLE reports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id     INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    entities    TEXT    NOT NULL,                     -- JSON: [{"kind":"mobile","value":"17000000000","host":null}, ...]
    state       TEXT    NOT NULL DEFAULT 'open',      -- open | confirmed | not_fraud | closed
    decided_by  INTEGER,
    decided_at  INTEGER,
    created_at  INTEGER NOT NULL
);
CREATE INDEX ix_reports_chat ON reports (chat_id, created_at);

-- Numbers and accounts an admin confirmed as fraud from a report; the check reads them beside
-- known-numbers.yaml. kind: phone | qq | wechat; value normalized like the file's entries.
CREATE TABLE known_numbers (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    note       TEXT    NOT NULL,
    added_by   INTEGER NOT NULL,
    added_at   INTEGER NOT NULL,
    report_id  INTEGER,
    UNIQUE (kind, value)
);

-- Verdicts per UTC day (days since 1970-01-01) and level; sign_id '' is the verdict itself, any
-- other row counts a sign matched in verdicts of that level. No text, no chat.
CREATE TABLE check_stats (
    day      INTEGER NOT NULL,
    level    TEXT    NOT NULL,                        -- red | orange | green
    sign_id  TEXT    NOT NULL,
    count    INTEGER NOT NULL,
    PRIMARY KEY (day, level, sign_id)
);

-- A chat that pressed "Report to us": its next message (text or forwarded) becomes a report.
-- In the database, not in memory, so any worker of a cluster sees it.
CREATE TABLE report_prompts (
    chat_id     INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL,
    started_at  INTEGER NOT NULL
);
