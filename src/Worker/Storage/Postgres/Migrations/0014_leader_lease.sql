-- Version 14: the leader lease as a row with an expiry, and fencing (issue 18). The leader renews the row every
-- second; a holder that goes silent (a partition, a hung proxy) loses it when it expires, without TCP's help.
-- Every term has a number; the dispatcher's claims and result writes carry it (outbox.claim_term) and hold only
-- while it is still the lease's term, so a node that wakes up after a partition can neither record nor re-claim.
-- Times are unix milliseconds of the database's clock (clock_timestamp()), so nodes' clocks do not matter.
-- Translated from Sqlite/Migrations/0014_leader_lease.sql.

CREATE TABLE cluster_lease (
    name       TEXT   PRIMARY KEY,
    holder     TEXT,
    term       BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
INSERT INTO cluster_lease (name, holder, term, expires_at) VALUES ('leader', NULL, 0, 0);

ALTER TABLE outbox ADD COLUMN claim_term BIGINT;
