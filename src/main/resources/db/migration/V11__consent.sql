-- Consent and communications (issue 11, CON-1 to CON-7, APP-6). Portable between H2 (MODE=MySQL) and
-- MySQL 8 / MariaDB. Members are named by member id, anyone else by data_subject id.

-- The purposes a member may consent to (CON-1). A policy version may add one (CON-6): nobody has
-- consented to a new purpose until they opt in on their preferences page.
CREATE TABLE consent_purpose (
    code                    VARCHAR(40)   NOT NULL PRIMARY KEY,
    label                   VARCHAR(200)  NOT NULL,
    description             VARCHAR(1000) NOT NULL,
    introduced_by_policy_id BIGINT,
    sort_order              INT           NOT NULL,
    created_at              DATETIME(6)   NOT NULL
);

-- Published policy versions (CON-6). Every ledger row names the version it was given under.
CREATE TABLE policy_version (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    version         VARCHAR(40)   NOT NULL,
    effective_date  DATE          NOT NULL,
    summary         VARCHAR(4000) NOT NULL,
    new_purposes    VARCHAR(1000) NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    published_by    VARCHAR(100)  NOT NULL,
    published_at    DATETIME(6)   NOT NULL,
    CONSTRAINT uk_policy_version UNIQUE (version)
);

INSERT INTO policy_version (version, effective_date, summary, new_purposes, status, published_by, published_at)
VALUES ('1', DATE '2026-01-01', 'The privacy policy in force when Steward began recording consent.', '', 'IN_FORCE',
        'system', TIMESTAMP '2026-01-01 00:00:00');

INSERT INTO consent_purpose (code, label, description, sort_order, created_at) VALUES
    ('PROMOTION', 'Stories and promotion', 'We may feature your name, likeness and story in our promotion. Before anything about you is released we ask you about that release.', 1, TIMESTAMP '2026-01-01 00:00:00'),
    ('MARKETING', 'Newsletters', 'We may send you our newsletter and news about the community.', 2, TIMESTAMP '2026-01-01 00:00:00'),
    ('ORG_REPORTING', 'Sharing with your member organisation', 'We may share your contact details and program results with the organisation you joined through.', 3, TIMESTAMP '2026-01-01 00:00:00'),
    ('SURVEYS', 'Surveys', 'We may ask you to take part in surveys about the program.', 4, TIMESTAMP '2026-01-01 00:00:00');

-- The consent ledger (CON-1, CON-2, CON-3): append-only, one row per grant, decline, withdrawal,
-- renewal or lapse; rows are never updated, and deleted only by erasure (DSR-7). The current state
-- of a member and purpose is the latest row: granted, and until expires_at.
CREATE TABLE consent_entry (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    member_id       BIGINT       NOT NULL,
    purpose         VARCHAR(40)  NOT NULL,
    action          VARCHAR(20)  NOT NULL,
    granted         BOOLEAN      NOT NULL,
    expires_at      DATETIME(6),
    policy_version  VARCHAR(40)  NOT NULL,
    channel         VARCHAR(20)  NOT NULL,
    evidence        VARCHAR(200) NOT NULL,
    recorded_at     DATETIME(6)  NOT NULL
);
-- The latest row per member and purpose is one index seek; the renewal days select by expiry.
CREATE INDEX ix_consent_entry_member ON consent_entry (member_id, purpose, id);
CREATE INDEX ix_consent_entry_expiry ON consent_entry (expires_at);

-- One row per day on which consents expire (CON-3): each has one ConsentRenewalProcess instance
-- (business key consent-<id>) whose timers send the renewal requests, the reminders and the lapse.
CREATE TABLE consent_expiry_day (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    expiry_day   DATE        NOT NULL,
    status       VARCHAR(20) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    closed_at    DATETIME(6),
    CONSTRAINT uk_consent_expiry_day UNIQUE (expiry_day)
);

-- Newsletters (CON-5): the text stays here, never in the engine; recipients fixed at submission in
-- chunks of member ids, queued one chunk per job.
CREATE TABLE newsletter (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    subject       VARCHAR(200)  NOT NULL,
    body          MEDIUMTEXT    NOT NULL,
    recipients    INT           NOT NULL,
    requested_by  VARCHAR(100)  NOT NULL,
    requested_at  DATETIME(6)   NOT NULL
);
CREATE TABLE newsletter_recipient (
    newsletter_id  BIGINT      NOT NULL,
    member_id      BIGINT      NOT NULL,
    chunk          BIGINT      NOT NULL,
    queued_at      DATETIME(6),
    PRIMARY KEY (newsletter_id, member_id),
    CONSTRAINT fk_newsletter_recipient_newsletter FOREIGN KEY (newsletter_id) REFERENCES newsletter (id)
);
CREATE INDEX ix_newsletter_recipient_chunk ON newsletter_recipient (newsletter_id, chunk);

-- Policy notices (CON-6): every contactable member, fixed when the policy is published.
CREATE TABLE policy_notice (
    policy_id   BIGINT      NOT NULL,
    member_id   BIGINT      NOT NULL,
    chunk       BIGINT      NOT NULL,
    queued_at   DATETIME(6),
    PRIMARY KEY (policy_id, member_id),
    CONSTRAINT fk_policy_notice_policy FOREIGN KEY (policy_id) REFERENCES policy_version (id)
);
CREATE INDEX ix_policy_notice_chunk ON policy_notice (policy_id, chunk);

-- Promotion releases (CON-4): what staff want to release about a member, and the member's answer.
CREATE TABLE promotion_release (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    member_id     BIGINT        NOT NULL,
    story         VARCHAR(4000) NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    requested_by  VARCHAR(100)  NOT NULL,
    requested_at  DATETIME(6)   NOT NULL,
    answered_at   DATETIME(6),
    published_by  VARCHAR(100),
    published_at  DATETIME(6),
    version       BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX ix_promotion_release_member ON promotion_release (member_id, status);

-- Tell-a-friend (CON-7): the friend is a data subject only while the invitation needs them (to see
-- whether they applied); removal by the friend or the 90-day timer unlinks and forgets them.
CREATE TABLE friend_invitation (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    inviter_member_id  BIGINT      NOT NULL,
    friend_subject_id  BIGINT,
    status             VARCHAR(20) NOT NULL,
    invited_at         DATETIME(6) NOT NULL,
    closed_at          DATETIME(6),
    CONSTRAINT fk_friend_invitation_subject FOREIGN KEY (friend_subject_id) REFERENCES data_subject (id) ON DELETE SET NULL
);
CREATE INDEX ix_friend_invitation_subject ON friend_invitation (friend_subject_id);
CREATE INDEX ix_friend_invitation_inviter ON friend_invitation (inviter_member_id);

-- The outbox learns two things (CON-2, CON-5): the consent purpose a mail depends on, checked again at
-- dispatch so that a withdrawal stops mail already queued, and per-message headers (List-Unsubscribe).
ALTER TABLE outbox_message ADD COLUMN consent_purpose VARCHAR(40);
ALTER TABLE outbox_message ADD COLUMN mail_headers VARCHAR(2000);
