-- Version 13: console sessions kept on the server. The cookie holds only a session key (encrypted by data
-- protection); the ticket lives here under the key's SHA-256, so signing out, "sign out everywhere" and
-- removing an admin end a session on every node at once (issue 17).

CREATE TABLE web_sessions (
    key_hash   TEXT    PRIMARY KEY,
    admin_id   INTEGER NOT NULL,
    ticket     BLOB    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX ix_web_sessions_admin ON web_sessions (admin_id);
CREATE INDEX ix_web_sessions_expires ON web_sessions (expires_at);
