-- Deactivation and retention (DSR-6, RET-1; issue 9 points 4 and 6). Portable between H2 (MODE=MySQL)
-- and MySQL 8 / MariaDB.

-- One row per deactivation: when, until when the data is kept (and the member can reactivate), and how it
-- ended. Ids and times only. open_member_id is set while the deactivation is open and unique: one open
-- deactivation per member, and closing it (reactivated or anonymised) is one conditional update.
-- No foreign keys: the row outlives the member's anonymisation or erasure as proof that retention ran.
CREATE TABLE member_deactivation (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    member_id       BIGINT      NOT NULL,
    subject_id      BIGINT      NOT NULL,
    open_member_id  BIGINT,
    by_member       BOOLEAN     NOT NULL,
    deactivated_at  DATETIME(6) NOT NULL,
    retain_until    DATETIME(6) NOT NULL,
    reactivated_at  DATETIME(6),
    anonymised_at   DATETIME(6),
    CONSTRAINT uk_member_deactivation_open UNIQUE (open_member_id)
);
CREATE INDEX ix_member_deactivation_member ON member_deactivation (member_id);
CREATE INDEX ix_member_deactivation_due ON member_deactivation (retain_until);

-- Members deactivated before this migration have no retention date: they get the default 12 months
-- from now, and the daily sweep anonymises them when it ends (they have no reactivation link).
INSERT INTO member_deactivation (member_id, subject_id, open_member_id, by_member, deactivated_at, retain_until)
SELECT id, subject_id, id, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '12' MONTH
FROM member WHERE status = 'DEACTIVATED';

-- The sweep deletes expired links daily.
CREATE INDEX ix_member_link_expires ON member_link (expires_at);

-- The outbox forgets whom it wrote to (RET-1, APP-4): the recipient of old or referee mail becomes NULL.
ALTER TABLE outbox_message MODIFY COLUMN recipient VARCHAR(320) NULL;
CREATE INDEX ix_outbox_done ON outbox_message (status, sent_at);
