-- Breach notification (BRE-1 to BRE-6). Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

-- The nominated Information Security Officer of each member organisation, and an alternate (BRE-2).
ALTER TABLE member_organisation ADD COLUMN iso_name VARCHAR(200);
ALTER TABLE member_organisation ADD COLUMN iso_email VARCHAR(320);
ALTER TABLE member_organisation ADD COLUMN alternate_name VARCHAR(200);
ALTER TABLE member_organisation ADD COLUMN alternate_email VARCHAR(320);

-- A reported security incident (BRE-1). Free text lives here, never in process variables.
CREATE TABLE incident (
    id                              BIGINT AUTO_INCREMENT PRIMARY KEY,
    status                          VARCHAR(30)   NOT NULL,
    discovered_at                   DATETIME(6)   NOT NULL,
    reported_at                     DATETIME(6)   NOT NULL,
    reported_by                     VARCHAR(100),
    summary                         MEDIUMTEXT    NOT NULL,
    data_categories                 VARCHAR(1000) NOT NULL,
    closure_reason                  MEDIUMTEXT,
    closed_at                       DATETIME(6),
    closed_by                       VARCHAR(100),
    supervisory_authority_notified  BOOLEAN,
    supervisory_authority_note      MEDIUMTEXT,
    supervisory_authority_recorded_at DATETIME(6),
    completed_at                    DATETIME(6),
    version                         BIGINT        NOT NULL DEFAULT 0
);

CREATE TABLE incident_organisation (
    incident_id      BIGINT NOT NULL,
    organisation_id  BIGINT NOT NULL,
    PRIMARY KEY (incident_id, organisation_id),
    CONSTRAINT fk_incident_organisation_incident FOREIGN KEY (incident_id) REFERENCES incident (id),
    CONSTRAINT fk_incident_organisation_org FOREIGN KEY (organisation_id) REFERENCES member_organisation (id)
);

-- Affected members as reported: listed one by one, or every member of an organisation.
CREATE TABLE incident_listed_member (
    incident_id  BIGINT NOT NULL,
    member_id    BIGINT NOT NULL,
    PRIMARY KEY (incident_id, member_id),
    CONSTRAINT fk_incident_listed_member_incident FOREIGN KEY (incident_id) REFERENCES incident (id)
);
CREATE TABLE incident_all_members_of (
    incident_id      BIGINT NOT NULL,
    organisation_id  BIGINT NOT NULL,
    PRIMARY KEY (incident_id, organisation_id),
    CONSTRAINT fk_incident_all_members_incident FOREIGN KEY (incident_id) REFERENCES incident (id)
);

-- Report texts, versioned: every completion of a report task adds a row (BRE-3, BRE-4).
CREATE TABLE incident_report (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    incident_id  BIGINT       NOT NULL,
    kind         VARCHAR(30)  NOT NULL,
    cycle        INT          NOT NULL,
    revision     INT          NOT NULL,
    written_by   VARCHAR(100),
    written_at   DATETIME(6)  NOT NULL,
    CONSTRAINT fk_incident_report_incident FOREIGN KEY (incident_id) REFERENCES incident (id),
    CONSTRAINT uk_incident_report_revision UNIQUE (incident_id, kind, cycle, revision)
);
CREATE TABLE incident_report_part (
    report_id  BIGINT      NOT NULL,
    part       VARCHAR(50) NOT NULL,
    content    MEDIUMTEXT  NOT NULL,
    PRIMARY KEY (report_id, part),
    CONSTRAINT fk_incident_report_part_report FOREIGN KEY (report_id) REFERENCES incident_report (id)
);

-- What was sent to whom and when, and who approved it (BRE-6). The mail itself is in outbox_message.
CREATE TABLE incident_notice (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    incident_id      BIGINT       NOT NULL,
    kind             VARCHAR(40)  NOT NULL,
    organisation_id  BIGINT,
    report_id        BIGINT,
    recipient        VARCHAR(320) NOT NULL,
    outbox_key       VARCHAR(200) NOT NULL,
    approved_by      VARCHAR(100),
    queued_at        DATETIME(6)  NOT NULL,
    CONSTRAINT fk_incident_notice_incident FOREIGN KEY (incident_id) REFERENCES incident (id),
    CONSTRAINT uk_incident_notice_outbox_key UNIQUE (outbox_key)
);
CREATE INDEX ix_incident_notice_incident ON incident_notice (incident_id);

-- The member notice recipients, fixed when the officers approve the notice (BRE-5), in chunks of
-- member ids so that queueing runs as many short jobs. queued_at stays NULL for a member skipped
-- because they were deactivated by the time their chunk was queued.
CREATE TABLE incident_member_notice (
    incident_id  BIGINT      NOT NULL,
    member_id    BIGINT      NOT NULL,
    chunk        BIGINT      NOT NULL,
    queued_at    DATETIME(6),
    PRIMARY KEY (incident_id, member_id),
    CONSTRAINT fk_incident_member_notice_incident FOREIGN KEY (incident_id) REFERENCES incident (id)
);
CREATE INDEX ix_incident_member_notice_chunk ON incident_member_notice (incident_id, chunk);
CREATE INDEX ix_member_organisation_status ON member (organisation_id, status);

-- The outbox dispatcher reads back each claimed batch by its claim token; with 100,000 member
-- notices queued at once that read must not scan the table.
CREATE INDEX ix_outbox_claim ON outbox_message (claim_token);
