-- Version 17: batches of numbers to act on (PRODUCT 4.10, notice 000). A batch is a title, a team, two local dates
-- (act_by, report_by, kept as instants) and its items; it makes two occurrences (deadline ids batch:ID:act and
-- batch:ID:report). Same tables in Postgres/Migrations/0017_batches.sql.

CREATE TABLE batches (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    title       TEXT    NOT NULL,
    team_id     TEXT    NOT NULL,
    language    TEXT    NOT NULL,                     -- zh-Hans | zh-Hant | en: the export's words
    time_zone   TEXT    NOT NULL,
    act_by      INTEGER NOT NULL,
    report_by   INTEGER NOT NULL,
    created_by  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    act_occurrence_id     INTEGER,                   -- the occurrences the batch made (occurrences.id)
    report_occurrence_id  INTEGER
);
CREATE INDEX ix_batches_team ON batches (team_id);

-- One number or account per row. number: E.164 (phone), digits (qq), lower case (wechat). The reported region is what
-- the file said; province and city are the number's own attribution (libphonenumber's geocoder, zh-Hans), and
-- mismatch = 1 when the two disagree. reason: why not_suspended or reopened (required then).
CREATE TABLE batch_items (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id         INTEGER NOT NULL,
    line             INTEGER NOT NULL,
    number           TEXT    NOT NULL,
    kind             TEXT    NOT NULL,                -- phone | qq | wechat
    reported_region  TEXT    NOT NULL,
    province         TEXT    NOT NULL,
    city             TEXT    NOT NULL,
    mismatch         INTEGER NOT NULL,
    note             TEXT    NOT NULL,
    state            TEXT    NOT NULL,                -- pending | suspended | not_suspended | reopened
    reason           TEXT    NOT NULL,
    set_by           INTEGER,
    set_at           INTEGER,
    UNIQUE (batch_id, number)
);
CREATE INDEX ix_batch_items_state ON batch_items (batch_id, state, id);
CREATE INDEX ix_batch_items_number ON batch_items (number, state);

-- A chat that pressed Not suspended or Reopened under an item: its next message is the reason. In the database so
-- every worker of a cluster sees it, like report_prompts.
CREATE TABLE batch_prompts (
    chat_id     INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL,
    item_id     INTEGER NOT NULL,
    state       TEXT    NOT NULL,
    started_at  INTEGER NOT NULL
);

-- A suspended batch item is a known fraud number whose source is the batch; reopened removes that row.
ALTER TABLE known_numbers ADD COLUMN batch_id INTEGER;
