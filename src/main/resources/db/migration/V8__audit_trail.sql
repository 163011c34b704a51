-- The tamper-evident audit trail (AUD-3): append-only, hash-chained. In production grant the
-- application's database user only INSERT and SELECT on audit_entry (see README, Operations).
-- It is not Camunda history, so history cleanup never touches it.
CREATE TABLE audit_entry (
    sequence_no    BIGINT        NOT NULL PRIMARY KEY,
    occurred_at    DATETIME      NOT NULL,
    actor          VARCHAR(255)  NOT NULL,
    action         VARCHAR(100)  NOT NULL,
    case_key       VARCHAR(100),
    detail         VARCHAR(1000),
    previous_hash  CHAR(64)      NOT NULL,
    entry_hash     CHAR(64)      NOT NULL
);
CREATE INDEX ix_audit_entry_case ON audit_entry (case_key);

-- One row, locked by every append, so concurrent appends (across instances too) form one chain.
CREATE TABLE audit_chain_head (
    id             INT           NOT NULL PRIMARY KEY,
    last_sequence  BIGINT        NOT NULL,
    last_hash      CHAR(64)      NOT NULL
);
INSERT INTO audit_chain_head (id, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
