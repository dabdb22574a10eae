-- Version 6: claimed outbox rows. The dispatcher marks a row 'sending' (with its node and the time)
-- before it sends it; a new leader, or a restart after a crash, puts the rows still 'sending' back to
-- 'pending': they are the only ones that may be sent twice.

ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_at INTEGER;
CREATE INDEX ix_outbox_sending ON outbox (id) WHERE state = 'sending';
