-- Version 15: an evidence line that records a send names it. send_key is the outbox key of the message
-- (dl:OCCURRENCE:STEP@TIME:CHAT, dl:OCCURRENCE:escalate:N:CHAT, dl:OCCURRENCE:closed:CHAT, ...), unique, and the
-- insert skips a key that is already there: a step run again after a crash (Quartz recovers the job) never
-- records one send twice. Lines that record no send (acknowledged, snoozed, cancelled, due, extension_*) keep
-- NULL, which the index lets repeat.
-- Rows from before have no key, and a rerun could have written a send's line twice: a later reminded,
-- overdue_notice or closed_notice line with the same occurrence, kind, chat and step as an earlier one, and no
-- extension approval (for a snooze step: no new snooze by that user) between the two, is such a copy. It is
-- deleted; the earliest line stays. Escalations (a new number each) and extension decisions (one per request, in
-- the decision's transaction) were never copied.
-- Same statements in Sqlite/Migrations/0015_occurrence_event_send_key.sql (there `IS` for `IS NOT DISTINCT FROM`).

ALTER TABLE occurrence_events ADD COLUMN send_key TEXT;  -- the outbox key of the send this line records; NULL: no send

DELETE FROM occurrence_events WHERE id IN (
    SELECT later.id
    FROM occurrence_events later
    JOIN occurrence_events earlier
      ON earlier.occurrence_id = later.occurrence_id AND earlier.kind = later.kind AND earlier.chat_id = later.chat_id
     AND earlier.step IS NOT DISTINCT FROM later.step AND earlier.id < later.id
    WHERE later.kind IN ('reminded', 'overdue_notice', 'closed_notice')
      AND NOT EXISTS (
          SELECT 1 FROM occurrence_events x
          WHERE x.occurrence_id = later.occurrence_id AND x.id > earlier.id AND x.id < later.id
            AND (x.kind = 'extension_approved' OR (x.kind = 'snoozed' AND later.step = 'snooze:' || x.user_id))));

CREATE UNIQUE INDEX ux_occurrence_events_send_key ON occurrence_events (send_key);
