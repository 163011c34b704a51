-- One home for a person's data, one key (issue 15). Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.
--
-- data_subject: one row per person we hold data about, whoever they are (applicant, member, referee,
-- an organisation's security contact). Every other row names a person by data_subject.id, never by
-- copying their name or email, so export and erasure walk one key (issue 9).
-- member_profile: what a person tells us about themselves (APP-1), stored once per subject; an
-- application and the member it becomes both point at the same subject and so at the same profile.

CREATE TABLE data_subject (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    -- trimmed and lower-case: one person, one address, one row
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(200),
    created_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_data_subject_email UNIQUE (email)
);

CREATE TABLE member_profile (
    subject_id           BIGINT        NOT NULL PRIMARY KEY,
    kind                 VARCHAR(20)   NOT NULL,
    phone                VARCHAR(40),
    postal_code          VARCHAR(20)   NOT NULL,
    city                 VARCHAR(100),
    industry             VARCHAR(100)  NOT NULL,
    expertise            VARCHAR(1000) NOT NULL,
    business_name        VARCHAR(200),
    years_of_experience  INT,
    languages            VARCHAR(300)  NOT NULL,
    -- Demographics: confidential, never shown publicly (APP-1).
    birth_year           INT,
    gender               VARCHAR(50),
    ethnicity            VARCHAR(100),
    country_of_origin    VARCHAR(100),
    updated_at           DATETIME(6)   NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_member_profile_subject FOREIGN KEY (subject_id) REFERENCES data_subject (id)
);

-- 1. Subjects for everyone the old rows name: members first (their name is the one they joined
--    with), then the latest application per address, then referees not yet reduced (APP-4).
INSERT INTO data_subject (email, display_name, created_at)
SELECT LOWER(TRIM(m.email)), m.name, m.joined_at FROM member m;

INSERT INTO data_subject (email, display_name, created_at)
SELECT LOWER(TRIM(a.email)), a.name, a.submitted_at FROM application a
WHERE a.id = (SELECT MAX(a2.id) FROM application a2 WHERE LOWER(TRIM(a2.email)) = LOWER(TRIM(a.email)))
  AND NOT EXISTS (SELECT 1 FROM data_subject s WHERE s.email = LOWER(TRIM(a.email)));

INSERT INTO data_subject (email, display_name, created_at)
SELECT LOWER(TRIM(r.referee_email)), r.referee_name, r.requested_at FROM reference_check r
WHERE r.referee_email IS NOT NULL
  AND r.id = (SELECT MAX(r2.id) FROM reference_check r2 WHERE LOWER(TRIM(r2.referee_email)) = LOWER(TRIM(r.referee_email)))
  AND NOT EXISTS (SELECT 1 FROM data_subject s WHERE s.email = LOWER(TRIM(r.referee_email)));

-- Security contacts named in the notice log, so the log can point at them too.
INSERT INTO data_subject (email, display_name, created_at)
SELECT LOWER(TRIM(n.recipient)), NULL, n.queued_at FROM incident_notice n
WHERE n.kind <> 'ESCALATION'
  AND n.id = (SELECT MIN(n2.id) FROM incident_notice n2 WHERE LOWER(TRIM(n2.recipient)) = LOWER(TRIM(n.recipient)))
  AND NOT EXISTS (SELECT 1 FROM data_subject s WHERE s.email = LOWER(TRIM(n.recipient)));
UPDATE data_subject SET display_name = (
    SELECT MAX(o.iso_name) FROM member_organisation o WHERE LOWER(o.iso_email) = data_subject.email)
WHERE display_name IS NULL;
UPDATE data_subject SET display_name = (
    SELECT MAX(o.alternate_name) FROM member_organisation o WHERE LOWER(o.alternate_email) = data_subject.email)
WHERE display_name IS NULL;

-- 2. One profile per subject: the member's, else that of their latest application.
INSERT INTO member_profile (subject_id, kind, phone, postal_code, city, industry, expertise, business_name,
                            years_of_experience, languages, birth_year, gender, ethnicity, country_of_origin, updated_at)
SELECT s.id, m.kind, m.phone, m.postal_code, m.city, m.industry, m.expertise, m.business_name,
       m.years_of_experience, m.languages, m.birth_year, m.gender, m.ethnicity, m.country_of_origin, m.joined_at
FROM member m JOIN data_subject s ON s.email = LOWER(TRIM(m.email));

INSERT INTO member_profile (subject_id, kind, phone, postal_code, city, industry, expertise, business_name,
                            years_of_experience, languages, birth_year, gender, ethnicity, country_of_origin, updated_at)
SELECT s.id, a.kind, a.phone, a.postal_code, a.city, a.industry, a.expertise, a.business_name,
       a.years_of_experience, a.languages, a.birth_year, a.gender, a.ethnicity, a.country_of_origin, a.submitted_at
FROM application a JOIN data_subject s ON s.email = LOWER(TRIM(a.email))
WHERE a.id = (SELECT MAX(a2.id) FROM application a2 WHERE LOWER(TRIM(a2.email)) = LOWER(TRIM(a.email)))
  AND NOT EXISTS (SELECT 1 FROM member_profile p WHERE p.subject_id = s.id);

-- 3. member: the subject instead of the copied profile.
ALTER TABLE member ADD COLUMN subject_id BIGINT;
UPDATE member SET subject_id = (SELECT s.id FROM data_subject s WHERE s.email = LOWER(TRIM(member.email)));
ALTER TABLE member MODIFY COLUMN subject_id BIGINT NOT NULL;
ALTER TABLE member ADD CONSTRAINT uk_member_subject UNIQUE (subject_id);
ALTER TABLE member ADD CONSTRAINT fk_member_subject FOREIGN KEY (subject_id) REFERENCES data_subject (id);
ALTER TABLE member DROP CONSTRAINT uk_member_email;
ALTER TABLE member DROP COLUMN kind;
ALTER TABLE member DROP COLUMN name;
ALTER TABLE member DROP COLUMN email;
ALTER TABLE member DROP COLUMN phone;
ALTER TABLE member DROP COLUMN postal_code;
ALTER TABLE member DROP COLUMN city;
ALTER TABLE member DROP COLUMN industry;
ALTER TABLE member DROP COLUMN expertise;
ALTER TABLE member DROP COLUMN business_name;
ALTER TABLE member DROP COLUMN years_of_experience;
ALTER TABLE member DROP COLUMN languages;
ALTER TABLE member DROP COLUMN birth_year;
ALTER TABLE member DROP COLUMN gender;
ALTER TABLE member DROP COLUMN ethnicity;
ALTER TABLE member DROP COLUMN country_of_origin;

-- 4. application: the applicant's subject; "pending" (APP-7) becomes the pending subject, still unique.
ALTER TABLE application ADD COLUMN subject_id BIGINT;
ALTER TABLE application ADD COLUMN pending_subject_id BIGINT;
UPDATE application SET subject_id = (SELECT s.id FROM data_subject s WHERE s.email = LOWER(TRIM(application.email)));
UPDATE application SET pending_subject_id = subject_id WHERE pending_email IS NOT NULL;
ALTER TABLE application MODIFY COLUMN subject_id BIGINT NOT NULL;
ALTER TABLE application ADD CONSTRAINT fk_application_subject FOREIGN KEY (subject_id) REFERENCES data_subject (id);
ALTER TABLE application ADD CONSTRAINT uk_application_pending_subject UNIQUE (pending_subject_id);
CREATE INDEX ix_application_subject ON application (subject_id);
ALTER TABLE application DROP CONSTRAINT uk_application_pending_email;
ALTER TABLE application DROP COLUMN pending_email;
ALTER TABLE application DROP COLUMN kind;
ALTER TABLE application DROP COLUMN name;
ALTER TABLE application DROP COLUMN email;
ALTER TABLE application DROP COLUMN phone;
ALTER TABLE application DROP COLUMN postal_code;
ALTER TABLE application DROP COLUMN city;
ALTER TABLE application DROP COLUMN industry;
ALTER TABLE application DROP COLUMN expertise;
ALTER TABLE application DROP COLUMN business_name;
ALTER TABLE application DROP COLUMN years_of_experience;
ALTER TABLE application DROP COLUMN languages;
ALTER TABLE application DROP COLUMN birth_year;
ALTER TABLE application DROP COLUMN gender;
ALTER TABLE application DROP COLUMN ethnicity;
ALTER TABLE application DROP COLUMN country_of_origin;

-- 5. reference_check: the referee is a subject; NULL once their data is reduced or removed (APP-4).
ALTER TABLE reference_check ADD COLUMN referee_subject_id BIGINT;
UPDATE reference_check SET referee_subject_id = (
    SELECT s.id FROM data_subject s WHERE s.email = LOWER(TRIM(reference_check.referee_email)))
WHERE referee_email IS NOT NULL;
ALTER TABLE reference_check ADD CONSTRAINT fk_reference_referee_subject FOREIGN KEY (referee_subject_id) REFERENCES data_subject (id);
ALTER TABLE reference_check DROP COLUMN referee_name;
ALTER TABLE reference_check DROP COLUMN referee_email;

-- 6. Logs that name a person keep their address for sending and proof, and point at the subject
--    where one is known. Logs never keep a subject alive: deleting the subject unlinks them.
ALTER TABLE outbox_message ADD COLUMN recipient_subject_id BIGINT;
UPDATE outbox_message SET recipient_subject_id = (
    SELECT s.id FROM data_subject s WHERE s.email = LOWER(TRIM(outbox_message.recipient)));
ALTER TABLE outbox_message ADD CONSTRAINT fk_outbox_recipient_subject
    FOREIGN KEY (recipient_subject_id) REFERENCES data_subject (id) ON DELETE SET NULL;
CREATE INDEX ix_outbox_recipient_subject ON outbox_message (recipient_subject_id);

ALTER TABLE incident_notice ADD COLUMN recipient_subject_id BIGINT;
UPDATE incident_notice SET recipient_subject_id = (
    SELECT s.id FROM data_subject s WHERE s.email = LOWER(TRIM(incident_notice.recipient)))
WHERE kind <> 'ESCALATION';
ALTER TABLE incident_notice ADD CONSTRAINT fk_incident_notice_recipient_subject
    FOREIGN KEY (recipient_subject_id) REFERENCES data_subject (id) ON DELETE SET NULL;
CREATE INDEX ix_incident_notice_recipient_subject ON incident_notice (recipient_subject_id);
