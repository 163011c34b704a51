-- Erasure with proof (DSR-7, DSR-10, issue 9). Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.
--
-- What stays after an erasure is only: which request, when, by whom, which places were cleared and the
-- verification result. Ids and categories, never who the person was.
CREATE TABLE erasure_request (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    -- REQUEST (a privacy officer, DSR-7), UNDER_AGE (DSR-10, no confirmation mail), RETENTION (RET-1)
    kind                 VARCHAR(20)  NOT NULL,
    -- RUNNING, VERIFIED, RESIDUE_FOUND
    status               VARCHAR(20)  NOT NULL,
    -- the staff user who asked, or "system"
    requested_by         VARCHAR(255) NOT NULL,
    -- the member and data subject the request named or found: ids of rows that no longer exist once
    -- erased, kept so that a repeated request for the same member is answered, not repeated
    member_id            BIGINT,
    subject_id           BIGINT,
    person_known         BOOLEAN,
    -- the confirmation mail: NOT_SENT (none due), PENDING, SENT, FAILED
    confirmation         VARCHAR(20)  NOT NULL,
    process_instance_id  VARCHAR(64),
    requested_at         DATETIME(6)  NOT NULL,
    erased_at            DATETIME(6),
    verified_at          DATETIME(6),
    ended_at             DATETIME(6),
    CONSTRAINT uk_erasure_request_process UNIQUE (process_instance_id)
);
CREATE INDEX ix_erasure_request_member ON erasure_request (member_id);
CREATE INDEX ix_erasure_request_subject ON erasure_request (subject_id);

-- The places of the register that held something about the person, with the rows cleared there.
CREATE TABLE erasure_place_cleared (
    id            BIGINT       AUTO_INCREMENT PRIMARY KEY,
    erasure_id    BIGINT       NOT NULL,
    place         VARCHAR(100) NOT NULL,
    rows_cleared  INT          NOT NULL,
    CONSTRAINT fk_erasure_place_request FOREIGN KEY (erasure_id) REFERENCES erasure_request (id)
);

-- Where the completeness check still found an identifier: table and column, never the value.
CREATE TABLE erasure_residue (
    erasure_id   BIGINT       NOT NULL,
    table_name   VARCHAR(128) NOT NULL,
    column_name  VARCHAR(128) NOT NULL,
    PRIMARY KEY (erasure_id, table_name, column_name),
    CONSTRAINT fk_erasure_residue_request FOREIGN KEY (erasure_id) REFERENCES erasure_request (id)
);

-- Short-lived: what identifies the person (address, names, phone numbers) and the officer's note, from
-- the request until its process ends, for the confirmation mail and the completeness check. The
-- residue scan skips this table; the process deletes an erasure's rows as its last step.
CREATE TABLE erasure_identifier (
    id          BIGINT        AUTO_INCREMENT PRIMARY KEY,
    erasure_id  BIGINT        NOT NULL,
    -- EMAIL, IDENTIFIER (a name, a phone number), NOTE (why, as the officer wrote it)
    kind        VARCHAR(20)   NOT NULL,
    content     VARCHAR(4000) NOT NULL,
    CONSTRAINT fk_erasure_identifier_request FOREIGN KEY (erasure_id) REFERENCES erasure_request (id)
);

-- Erasure finds mail to an address whose subject is gone (a referee after APP-4) by the address.
CREATE INDEX ix_outbox_recipient ON outbox_message (recipient);
