-- The auditors' view (issue 13, AUD-2). Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

-- Whom each mail went to, as a role (APPLICANT, REFEREE, MEMBER, ORGANISATION_ISO …), so the case timeline
-- names the role and never the address. Mails queued before this build say UNKNOWN.
ALTER TABLE outbox_message ADD COLUMN recipient_role VARCHAR(30) NOT NULL DEFAULT 'UNKNOWN';

-- Why a decision went the way it did, as a category chosen in the review form (the free-text reason stays
-- in decision_reason / privacy_request_text and never reaches the auditors).
ALTER TABLE application ADD COLUMN decision_category VARCHAR(40);
ALTER TABLE privacy_request ADD COLUMN decision_category VARCHAR(40);
