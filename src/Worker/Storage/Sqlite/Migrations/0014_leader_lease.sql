-- Version 14: the leader lease as a row with an expiry, and fencing (issue 18). The leader renews the row every
-- second; a holder that goes silent (a partition, a hung proxy) loses it when it expires, without TCP's help.
-- Every term has a number; the dispatcher's claims and result writes carry it (outbox.claim_term) and hold only
-- while it is still the lease's term, so a node that wakes up after a partition can neither record nor re-claim.
-- On SQLite the one worker starts a new term each time it starts. Times are unix milliseconds (database clock on
-- PostgreSQL).

CREATE TABLE cluster_lease (
    name       TEXT    PRIMARY KEY,
    holder     TEXT,
    term       INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
INSERT INTO cluster_lease (name, holder, term, expires_at) VALUES ('leader', NULL, 0, 0);

ALTER TABLE outbox ADD COLUMN claim_term INTEGER;
