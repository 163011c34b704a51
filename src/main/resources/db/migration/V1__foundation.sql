-- Steward's own tables. Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.
-- Camunda manages its own ACT_* tables.

CREATE TABLE member_organisation (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    website     VARCHAR(300),
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_member_organisation_name UNIQUE (name)
);

-- Members: people admitted to the community. The profile columns are shared with application (APP-1).
CREATE TABLE member (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    status               VARCHAR(20)  NOT NULL,
    kind                 VARCHAR(20)  NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    email                VARCHAR(320) NOT NULL,
    phone                VARCHAR(40),
    postal_code          VARCHAR(20)  NOT NULL,
    city                 VARCHAR(100),
    industry             VARCHAR(100) NOT NULL,
    expertise            VARCHAR(1000) NOT NULL,
    business_name        VARCHAR(200),
    years_of_experience  INT,
    languages            VARCHAR(300) NOT NULL,
    birth_year           INT,
    gender               VARCHAR(50),
    ethnicity            VARCHAR(100),
    country_of_origin    VARCHAR(100),
    organisation_id      BIGINT,
    essential_communications BOOLEAN NOT NULL,
    joined_at            DATETIME(6)  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_member_email UNIQUE (email),
    CONSTRAINT fk_member_organisation FOREIGN KEY (organisation_id) REFERENCES member_organisation (id)
);

CREATE TABLE application (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    status               VARCHAR(30)  NOT NULL,
    kind                 VARCHAR(20)  NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    email                VARCHAR(320) NOT NULL,
    -- Set while the application is undecided, NULL afterwards: the unique index refuses a second
    -- pending application for one address even under concurrent submissions (APP-7).
    pending_email        VARCHAR(320),
    phone                VARCHAR(40),
    postal_code          VARCHAR(20)  NOT NULL,
    city                 VARCHAR(100),
    industry             VARCHAR(100) NOT NULL,
    expertise            VARCHAR(1000) NOT NULL,
    business_name        VARCHAR(200),
    years_of_experience  INT,
    languages            VARCHAR(300) NOT NULL,
    birth_year           INT,
    gender               VARCHAR(50),
    ethnicity            VARCHAR(100),
    country_of_origin    VARCHAR(100),
    organisation_id      BIGINT,
    decision             VARCHAR(20),
    decision_reason      VARCHAR(2000),
    decided_by           VARCHAR(100),
    decided_at           DATETIME(6),
    more_info_question   VARCHAR(2000),
    more_info_answer     VARCHAR(4000),
    more_info_answered_at DATETIME(6),
    member_id            BIGINT,
    submitted_at         DATETIME(6)  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_application_pending_email UNIQUE (pending_email),
    CONSTRAINT fk_application_organisation FOREIGN KEY (organisation_id) REFERENCES member_organisation (id),
    CONSTRAINT fk_application_member FOREIGN KEY (member_id) REFERENCES member (id)
);

-- One row per referee; reduced to a non-identifying outcome once the application is decided (APP-4).
CREATE TABLE reference_check (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id    BIGINT       NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    referee_name      VARCHAR(200),
    referee_email     VARCHAR(320),
    relationship      VARCHAR(200),
    recommendation    VARCHAR(30),
    known_for_years   INT,
    comments          VARCHAR(4000),
    requested_at      DATETIME(6)  NOT NULL,
    reminded_at       DATETIME(6),
    responded_at      DATETIME(6),
    reduced_at        DATETIME(6),
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_reference_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_reference_application ON reference_check (application_id);

-- Mail outbox: written in the transaction of the step that wants the mail, sent later with retries.
CREATE TABLE outbox_message (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    idempotency_key  VARCHAR(200) NOT NULL,
    subject_ref      VARCHAR(100) NOT NULL,
    template         VARCHAR(100) NOT NULL,
    recipient        VARCHAR(320) NOT NULL,
    subject          VARCHAR(500) NOT NULL,
    html_body        MEDIUMTEXT   NOT NULL,
    text_body        MEDIUMTEXT   NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(6)  NOT NULL,
    claim_token      VARCHAR(36),
    claimed_until    DATETIME(6),
    last_error       VARCHAR(1000),
    created_at       DATETIME(6)  NOT NULL,
    sent_at          DATETIME(6),
    CONSTRAINT uk_outbox_idempotency_key UNIQUE (idempotency_key)
);
CREATE INDEX ix_outbox_due ON outbox_message (status, next_attempt_at);
CREATE INDEX ix_outbox_subject ON outbox_message (subject_ref);

-- Links emailed to people who never log in. Only the SHA-256 of the token is stored.
CREATE TABLE member_link (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash  VARCHAR(64)  NOT NULL,
    purpose     VARCHAR(40)  NOT NULL,
    subject_id  BIGINT       NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6),
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uk_member_link_token UNIQUE (token_hash)
);
CREATE INDEX ix_member_link_subject ON member_link (purpose, subject_id);
