-- Version 18 (issue 21): the scam check learns from its users. Same tables in Sqlite/Migrations/0018_scam_learning.sql
-- (INTEGER there). 0016 and 0017 are other branches' numbers; the migrator applies every version it has not seen.

-- "Reported alike": the text of each report an admin confirmed as fraud, normalized (Traditional folded, links,
-- numbers, amounts and account ids as placeholders, no spacing or punctuation). Every node keeps a MinHash index of
-- these rows in memory (Scam/ReportedAlikeIndex) and rebuilds it when reported_alike_version moves. A report decided
-- not fraud or closed never gets a row; /forget of the reporter deletes the row with the report.
CREATE TABLE reported_alike (
    report_id     BIGINT  PRIMARY KEY,               -- reports.id
    normalized    TEXT    NOT NULL,
    confirmed_at  BIGINT  NOT NULL                   -- unix ms, the admin's decision
);

-- One row, bumped in the transaction of every change to reported_alike.
CREATE TABLE reported_alike_version (
    id       BIGINT  PRIMARY KEY CHECK (id = 1),
    version  BIGINT  NOT NULL
);
INSERT INTO reported_alike_version (id, version) VALUES (1, 0);

-- A verdict as its 👍/👎 buttons need it: the level and the sign ids, never the text or the chat. The id is random
-- (it travels in the buttons' data), the row goes after 7 days, and a verdict takes one vote.
CREATE TABLE check_verdicts (
    id          BIGINT  PRIMARY KEY,
    day         INTEGER NOT NULL,                    -- the check_stats day it was counted on
    level       TEXT    NOT NULL,                    -- red | orange | green
    signs       TEXT    NOT NULL,                    -- sign ids, comma-separated
    vote        TEXT,                                -- up | down, once
    created_at  BIGINT  NOT NULL
);
CREATE INDEX ix_check_verdicts_created ON check_verdicts (created_at);

-- 👍 and 👎 per day, level and sign, beside the count of checks.
ALTER TABLE check_stats ADD COLUMN up INTEGER NOT NULL DEFAULT 0;
ALTER TABLE check_stats ADD COLUMN down INTEGER NOT NULL DEFAULT 0;

-- A report is fraud (Report to us) or wrong-verdict (👎, then the user agreed to send the message): then it keeps the
-- verdict they disputed, copied from check_verdicts into the "awaiting report" marker when they agreed.
ALTER TABLE reports ADD COLUMN kind TEXT NOT NULL DEFAULT 'fraud';
ALTER TABLE reports ADD COLUMN verdict_level TEXT;
ALTER TABLE reports ADD COLUMN verdict_signs TEXT;
ALTER TABLE report_prompts ADD COLUMN kind TEXT NOT NULL DEFAULT 'fraud';
ALTER TABLE report_prompts ADD COLUMN verdict_level TEXT;
ALTER TABLE report_prompts ADD COLUMN verdict_signs TEXT;
