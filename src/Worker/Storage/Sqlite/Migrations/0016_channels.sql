-- Version 16: channels beyond Telegram (WeCom, DingTalk and Feishu group robots, email), PRODUCT.md 4.9.
-- An outbox row names its channel and, for a robot or an address, where it goes; its chat_id is then an id made from
-- the robot's name or the address, at or above 2^60, which no Telegram chat can have (Telegram's ids have at most 52
-- significant bits), so one route's rows keep their order and a blocked Telegram chat never stops them.
-- A member with Telegram and email has an email row 'held' beside each Telegram row (fallback_of names it): it goes
-- out only if Telegram answers 403 or "chat not found", and is otherwise deleted by retention like a finished row.
-- Teams gain the file's member mappings ({telegram, email, name}) and robots; ack links record their uses.
-- Same statements in Postgres/Migrations/0016_channels.sql (there BIGINT for ids and times).

ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'telegram';  -- telegram | robot | email
ALTER TABLE outbox ADD COLUMN address TEXT;                              -- robot: its name; email: the address (then a space and the name)
ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;     -- robot: leading parts of a split message already posted
ALTER TABLE outbox ADD COLUMN digest_title TEXT;                         -- robot: the digest's heading ({0}: how many), when this row may join one
ALTER TABLE outbox ADD COLUMN digest_line TEXT;                          -- robot: this row's line in a digest (Telegram HTML)
ALTER TABLE outbox ADD COLUMN fallback_of TEXT;                          -- a held email: the idem_key of the Telegram row it stands in for

-- The dispatcher's pass while Telegram waits (a 429 pause, no global permit): the other channels' rows only.
CREATE INDEX ix_outbox_pending_other ON outbox (priority, id) WHERE state = 'pending' AND channel <> 'telegram';
-- A blocked Telegram row's held email; the console's last success, last error and queue of each robot and the SMTP server.
CREATE INDEX ix_outbox_fallback ON outbox (fallback_of) WHERE fallback_of IS NOT NULL;
CREATE INDEX ix_outbox_route ON outbox (channel, address, updated_at) WHERE channel <> 'telegram';

-- A member written as a mapping in deadlines.yaml: person_id is the Telegram id, or for a member known only by email
-- the id made from the address (as the outbox's chat_id). Members with Telegram stay in team_members too.
CREATE TABLE team_contacts (
    team_id    TEXT    NOT NULL,
    person_id  INTEGER NOT NULL,
    email      TEXT,
    name       TEXT,
    PRIMARY KEY (team_id, person_id)
);
CREATE INDEX ix_team_contacts_person ON team_contacts (person_id);

CREATE TABLE team_robots (
    team_id  TEXT NOT NULL,
    robot    TEXT NOT NULL,                            -- a name under Channels:Robots
    PRIMARY KEY (team_id, robot)
);

-- Each use of an ack link ({Web:PublicUrl}/ack/TOKEN): a link acts once for a person (a robot's link once per member).
CREATE TABLE ack_uses (
    token_hash     TEXT    NOT NULL,                   -- SHA-256 of the token, hex
    person_id      INTEGER NOT NULL,
    occurrence_id  INTEGER NOT NULL,
    action         TEXT    NOT NULL,                   -- done | snooze | extend
    used_at        INTEGER NOT NULL,
    PRIMARY KEY (token_hash, person_id)
);
