-- Issue 14 (reliability and operability). Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

-- Every mail's Message-ID is generated when it is queued and kept, so a resend after a crash carries the
-- same one and a receiver (or an operator) can recognise it. Rows queued before this took their id from the
-- row number; they keep that form.
ALTER TABLE outbox_message ADD COLUMN message_id VARCHAR(200);
UPDATE outbox_message SET message_id = CONCAT('<outbox-', id, '@steward>') WHERE message_id IS NULL;

-- The step that queued the mail, when a process step did (ids only): a mail that can never be delivered
-- raises an incident on that case, so its owner learns of it.
ALTER TABLE outbox_message ADD COLUMN owner_process_instance_id VARCHAR(64);
ALTER TABLE outbox_message ADD COLUMN owner_activity_id VARCHAR(255);
ALTER TABLE outbox_message ADD COLUMN owner_case_key VARCHAR(255);
-- How the last failure is to be read: TRANSIENT (retried), or why the mail was given up: REFUSED (an SMTP 5xx),
-- UNBUILDABLE, ATTEMPTS_EXHAUSTED.
ALTER TABLE outbox_message ADD COLUMN failure_kind VARCHAR(20);
-- The SMTP reply code of the last refusal (0 or NULL: none, e.g. no connection).
ALTER TABLE outbox_message ADD COLUMN last_smtp_code INT;
-- When the owner of a FAILED mail was told (MailUndeliverable); mails given up before this release count as told.
ALTER TABLE outbox_message ADD COLUMN owner_notified_at DATETIME(6);
UPDATE outbox_message SET owner_notified_at = created_at WHERE status = 'FAILED';
CREATE INDEX ix_outbox_unreported ON outbox_message (status, owner_notified_at);
