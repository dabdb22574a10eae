-- Version 3: teams, deadline occurrences with their steps (the schedule, mirrored in Quartz
-- triggers) and their evidence: who was reminded when with which template version, who closed it.
CREATE TABLE teams (
    id             TEXT    PRIMARY KEY,
    name           TEXT    NOT NULL,
    lead_id        INTEGER NOT NULL,
    group_chat_id  INTEGER,
    updated_at     INTEGER NOT NULL
);

CREATE TABLE team_members (
    team_id    TEXT    NOT NULL,
    user_id    INTEGER NOT NULL,
    source     TEXT    NOT NULL,                       -- file | invite
    joined_at  INTEGER NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX ix_team_members_user ON team_members (user_id);

CREATE TABLE invites (
    code        TEXT    PRIMARY KEY,
    team_id     TEXT    NOT NULL,
    created_by  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_by     INTEGER,
    used_at     INTEGER
);

-- What the planner has done per deadline: the definition it planned from and how far ahead.
CREATE TABLE deadline_plans (
    deadline_id      TEXT    PRIMARY KEY,
    fingerprint      TEXT    NOT NULL,
    planned_through  INTEGER NOT NULL
);

CREATE TABLE occurrences (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    deadline_id      TEXT    NOT NULL,
    occurrence_key   TEXT    NOT NULL UNIQUE,          -- deadline id @ original local due (or window opening)
    team_id          TEXT    NOT NULL,
    title            TEXT    NOT NULL,
    ref              TEXT,
    due_at           INTEGER NOT NULL,
    original_due_at  INTEGER NOT NULL,
    opened_at        INTEGER,
    state            TEXT    NOT NULL,                 -- open | done | cancelled | missed
    closed_by        INTEGER,
    closed_at        INTEGER,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE INDEX ix_occurrences_state ON occurrences (state, due_at);
CREATE INDEX ix_occurrences_deadline ON occurrences (deadline_id, due_at);

CREATE TABLE occurrence_steps (
    occurrence_id  INTEGER NOT NULL,
    step           TEXT    NOT NULL,                   -- remind:3d | open | due | escalate | snooze:USER
    fire_at        INTEGER NOT NULL,
    interval_ms    INTEGER,                            -- repeating (escalation)
    state          TEXT    NOT NULL,                   -- scheduled | sent | skipped | cancelled
    fired_count    INTEGER NOT NULL DEFAULT 0,
    last_fired_at  INTEGER,
    note           TEXT,
    PRIMARY KEY (occurrence_id, step)
);

CREATE TABLE occurrence_events (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    occurrence_id     INTEGER NOT NULL,
    at                INTEGER NOT NULL,
    kind              TEXT    NOT NULL,                -- reminded | acknowledged | snoozed | extension_* | escalated | overdue_notice | opened | cancelled
    user_id           INTEGER,
    chat_id           INTEGER,
    step              TEXT,
    template_version  INTEGER,
    detail            TEXT
);
CREATE INDEX ix_occurrence_events ON occurrence_events (occurrence_id, id);

CREATE TABLE snoozes (
    occurrence_id  INTEGER NOT NULL,
    user_id        INTEGER NOT NULL,
    until          INTEGER NOT NULL,
    PRIMARY KEY (occurrence_id, user_id)
);

CREATE TABLE extension_requests (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    occurrence_id  INTEGER NOT NULL,
    user_id        INTEGER NOT NULL,
    reason         TEXT    NOT NULL,
    extension_ms   INTEGER NOT NULL,
    state          TEXT    NOT NULL,                   -- pending | approved | denied
    decided_by     INTEGER,
    decided_at     INTEGER,
    created_at     INTEGER NOT NULL
);
