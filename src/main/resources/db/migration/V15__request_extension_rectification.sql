-- Data-subject requests, part A (issue 10: DSR-3, DSR-5, DSR-8, RECTIFICATION). Portable between H2
-- (MODE=MySQL) and MySQL 8 / MariaDB.

-- DSR-3: an extension, once per request; the reason is a privacy_request_text row (kind EXTENSION_REASON).
ALTER TABLE privacy_request ADD COLUMN extended_to DATETIME(6);
ALTER TABLE privacy_request ADD COLUMN extended_by VARCHAR(100);

-- DSR-8: a restriction asked for while a dispute (a rectification or objection of the same person) is
-- open lasts until that request ends; dispute_request_id names it, and the flag is lifted then.
ALTER TABLE processing_restriction ADD COLUMN dispute_request_id BIGINT;
CREATE INDEX ix_processing_restriction_dispute ON processing_restriction (dispute_request_id);

-- RECTIFICATION: which fields an officer corrected for a request, when and by whom. Append-only; never
-- the old or the new values (those live only in the owning module's tables).
CREATE TABLE privacy_request_correction (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id    BIGINT       NOT NULL,
    fields        VARCHAR(500) NOT NULL,
    corrected_at  DATETIME(6)  NOT NULL,
    corrected_by  VARCHAR(100) NOT NULL,
    CONSTRAINT fk_privacy_request_correction FOREIGN KEY (request_id) REFERENCES privacy_request (id)
);
CREATE INDEX ix_privacy_request_correction ON privacy_request_correction (request_id);

-- DSR-5: an organisation that administers its members names an administrator, who is told when a
-- request of one of its members ends (type and outcome, never the details).
ALTER TABLE member_organisation ADD COLUMN administers_members BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE member_organisation ADD COLUMN administrator_name VARCHAR(200);
ALTER TABLE member_organisation ADD COLUMN administrator_email VARCHAR(320);
