-- Version 11: a known number added in the console may be an official line as well as a fraud one
-- (known-numbers.yaml's kind: fraud | official). Rows before this were all confirmed from reports: fraud.
-- The column `kind` stays what it was: the kind of number or account (mobile, landline, qq, wechat, ...).
-- Same statement in Sqlite/Migrations/0011_known_number_category.sql.

ALTER TABLE known_numbers ADD COLUMN category TEXT NOT NULL DEFAULT 'fraud';
