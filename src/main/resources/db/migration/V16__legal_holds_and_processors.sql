-- Legal holds (DSR-4) and the register of processors with their erasure instructions (DSR-7), issue 10
-- part B. Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

-- A hold keeps some of a person's records from erasure: billing and donation records up to 7 years
-- (ends_on required), records in an open dispute until an officer releases the hold (no ends_on), records
-- under a legal obligation (ends_on optional). subject_id names the person (no foreign key: the subject
-- row outlives an erasure only while something of theirs is held). reason is internal free text.
CREATE TABLE legal_hold (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    subject_id  BIGINT       NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    reason      MEDIUMTEXT   NOT NULL,
    placed_by   VARCHAR(100) NOT NULL,
    placed_at   DATETIME(6)  NOT NULL,
    ends_on     DATE,
    released_by VARCHAR(100),
    released_at DATETIME(6)
);
CREATE INDEX ix_legal_hold_subject ON legal_hold (subject_id);

-- Which places of the register of personal data (PersonalDataPlace.name()) a hold covers.
CREATE TABLE legal_hold_place (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    hold_id  BIGINT       NOT NULL,
    place    VARCHAR(200) NOT NULL,
    CONSTRAINT fk_legal_hold_place FOREIGN KEY (hold_id) REFERENCES legal_hold (id) ON DELETE CASCADE,
    CONSTRAINT uk_legal_hold_place UNIQUE (hold_id, place)
);

-- What an erasure kept under a hold, and when it was erased after all: the erasure's record of DSR-4.
-- Ids, place names and categories only; rows stay with the erasure record.
CREATE TABLE erasure_place_kept (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    erasure_id  BIGINT       NOT NULL,
    place       VARCHAR(200) NOT NULL,
    hold_id     BIGINT       NOT NULL,
    hold_kind   VARCHAR(30)  NOT NULL,
    held_until  DATE,
    erased_at   DATETIME(6),
    CONSTRAINT fk_erasure_place_kept FOREIGN KEY (erasure_id) REFERENCES erasure_request (id),
    CONSTRAINT uk_erasure_place_kept UNIQUE (erasure_id, place, hold_id)
);

-- Third parties that received personal data from us (DSR-7). contact_email is the processor's address
-- for instructions; it may name a person (a named contact), so it is personal data, erased by address.
CREATE TABLE processor (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(200)  NOT NULL,
    contact_email VARCHAR(320),
    holds         VARCHAR(1000) NOT NULL,
    active        BOOLEAN       NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL
);

-- One erasure instruction per processor per erasure (ProcessorInstructionProcess, business key
-- instruction-<id>). subject_ref is the reference under which we share a person's data with processors
-- (their data subject id), nothing else about them. status: SENT, REMINDED, FOLLOW_UP, CONFIRMED,
-- CLOSED_UNCONFIRMED. note: what the privacy officer wrote on follow-up (internal free text).
CREATE TABLE processor_instruction (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    processor_id  BIGINT       NOT NULL,
    erasure_id    BIGINT       NOT NULL,
    subject_ref   BIGINT       NOT NULL,
    status        VARCHAR(30)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    reminded_at   DATETIME(6),
    follow_up_at  DATETIME(6),
    confirmed_at  DATETIME(6),
    confirmed_by  VARCHAR(100),
    note          MEDIUMTEXT,
    CONSTRAINT fk_processor_instruction FOREIGN KEY (processor_id) REFERENCES processor (id),
    CONSTRAINT uk_processor_instruction UNIQUE (erasure_id, processor_id)
);
CREATE INDEX ix_processor_instruction_erasure ON processor_instruction (erasure_id);
