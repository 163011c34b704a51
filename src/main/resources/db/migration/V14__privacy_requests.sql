-- Data-subject requests (DSR-1 to DSR-3, DSR-8, DSR-9; issue 10). Portable between H2 (MODE=MySQL) and
-- MySQL 8 / MariaDB.

-- One row per request. The address is kept only to answer the requester and is cleared by erasure;
-- open_key (type:address) is set while the request is open and unique, so a second request of the same
-- type from the same address merges into the open one instead of doubling it (DSR-1).
CREATE TABLE privacy_request (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_type  VARCHAR(20)  NOT NULL,
    status        VARCHAR(30)  NOT NULL,
    email         VARCHAR(320),
    open_key      VARCHAR(345),
    subject_id    BIGINT,
    received_at   DATETIME(6)  NOT NULL,
    verified_at   DATETIME(6),
    due_at        DATETIME(6),
    outcome       VARCHAR(30),
    decided_by    VARCHAR(100),
    closed_at     DATETIME(6),
    CONSTRAINT uk_privacy_request_open UNIQUE (open_key)
);
CREATE INDEX ix_privacy_request_status ON privacy_request (status);
CREATE INDEX ix_privacy_request_subject ON privacy_request (subject_id);

-- Free text about a request (what the requester wrote, a refusal reason, a question): here, never in the engine.
CREATE TABLE privacy_request_text (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id  BIGINT       NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    content     MEDIUMTEXT   NOT NULL,
    written_by  VARCHAR(100) NOT NULL,
    written_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_privacy_request_text FOREIGN KEY (request_id) REFERENCES privacy_request (id)
);
CREATE INDEX ix_privacy_request_text ON privacy_request_text (request_id);

-- DSR-3: whether each answered request met its deadline. Append-only: rows are inserted, never updated.
CREATE TABLE privacy_request_deadline (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id   BIGINT      NOT NULL,
    due_at       DATETIME(6) NOT NULL,
    answered_at  DATETIME(6) NOT NULL,
    deadline_met BOOLEAN     NOT NULL,
    outcome      VARCHAR(30) NOT NULL,
    CONSTRAINT uk_privacy_request_deadline UNIQUE (request_id)
);

-- DSR-9: an export (JSON and readable HTML), downloadable through an emailed link until expires_at;
-- the retention sweep deletes it afterwards (RET-1).
CREATE TABLE privacy_export (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id    BIGINT      NOT NULL,
    subject_id    BIGINT,
    json_content  MEDIUMTEXT  NOT NULL,
    html_content  MEDIUMTEXT  NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    expires_at    DATETIME(6) NOT NULL,
    downloaded_at DATETIME(6),
    CONSTRAINT uk_privacy_export_request UNIQUE (request_id)
);
CREATE INDEX ix_privacy_export_expires ON privacy_export (expires_at);

-- DSR-8: people flagged do-not-process (restriction or objection) until the flag is lifted.
CREATE TABLE processing_restriction (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    subject_id  BIGINT      NOT NULL,
    request_id  BIGINT      NOT NULL,
    reason      VARCHAR(20) NOT NULL,
    flagged_at  DATETIME(6) NOT NULL,
    lifted_at   DATETIME(6)
);
CREATE INDEX ix_processing_restriction_subject ON processing_restriction (subject_id);
