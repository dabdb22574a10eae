-- Version 8: the web console. A /web link's token is kept only as its SHA-256 (hex); used_at marks it
-- spent, so it works once. The data protection key ring lives here too, so every node of a cluster reads
-- the session cookie any node wrote.

CREATE TABLE web_logins (
    token_hash TEXT    PRIMARY KEY,
    admin_id   INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX ix_web_logins_expires ON web_logins (expires_at);

CREATE TABLE data_protection_keys (
    name       TEXT    PRIMARY KEY,
    xml        TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
