-- Version 10: the secret of each team's iCal feed (GET /teams/{team}/calendar.ics?key=...). One row per
-- team; rotating replaces the key, so the old one stops working at once. The key is random (32 bytes,
-- base64url) and kept as is: admins are shown it again in the console.

CREATE TABLE calendar_keys (
    team_id    TEXT PRIMARY KEY,
    key        TEXT NOT NULL,
    created_by INTEGER,
    created_at INTEGER NOT NULL
);
