-- Mentor-entrepreneur matching (issue 12, MAT-1 to MAT-6). Portable between H2 (MODE=MySQL) and
-- MySQL 8 / MariaDB. Members are named by member id; what a member told us about themselves (industry,
-- expertise, languages, place) stays in member_profile and is read through the members API, so only what
-- matching alone needs lives here.

-- MAT-1: per member, what matching needs beyond the profile: kind, mentor capacity, time zone.
CREATE TABLE match_profile (
    member_id   BIGINT       NOT NULL PRIMARY KEY,
    subject_id  BIGINT       NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    capacity    INT          NOT NULL,
    time_zone   VARCHAR(60),
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL
);
CREATE INDEX ix_match_profile_kind ON match_profile (kind, member_id);
CREATE INDEX ix_match_profile_subject ON match_profile (subject_id);

-- Members admitted before matching existed get their matching profile with the default capacity.
INSERT INTO match_profile (member_id, subject_id, kind, capacity, time_zone, created_at, updated_at)
SELECT m.id, m.subject_id, p.kind, 2, NULL, m.joined_at, m.joined_at
FROM member m JOIN member_profile p ON p.subject_id = m.subject_id
WHERE p.kind IS NOT NULL;

-- MAT-1: an entrepreneur's request for a mentor. The need is free text: it stays here, never in the engine.
CREATE TABLE match_request (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    entrepreneur_member_id  BIGINT        NOT NULL,
    need                    VARCHAR(2000),
    language                VARCHAR(40),
    status                  VARCHAR(30)   NOT NULL,
    requested_by            VARCHAR(100)  NOT NULL,
    requested_at            DATETIME(6)   NOT NULL,
    closed_at               DATETIME(6)
);
CREATE INDEX ix_match_request_entrepreneur ON match_request (entrepreneur_member_id, status);

-- MAT-1, MAT-2: the ranked candidates of a request, each score broken down by criterion (points = weight x score).
CREATE TABLE match_candidate (
    request_id        BIGINT        NOT NULL,
    mentor_member_id  BIGINT        NOT NULL,
    ranking           INT           NOT NULL,
    industry_points   DECIMAL(10,3) NOT NULL,
    expertise_points  DECIMAL(10,3) NOT NULL,
    language_points   DECIMAL(10,3) NOT NULL,
    location_points   DECIMAL(10,3) NOT NULL,
    capacity_points   DECIMAL(10,3) NOT NULL,
    total_points      DECIMAL(10,3) NOT NULL,
    PRIMARY KEY (request_id, mentor_member_id),
    CONSTRAINT fk_match_candidate_request FOREIGN KEY (request_id) REFERENCES match_request (id)
);

-- MAT-3: each mentor asked for a request, and how they answered (ACCEPTED, DECLINED, EXPIRED, UNAVAILABLE).
CREATE TABLE match_attempt (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id        BIGINT        NOT NULL,
    mentor_member_id  BIGINT        NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    picked_by         VARCHAR(100),
    created_at        DATETIME(6)   NOT NULL,
    asked_at          DATETIME(6),
    answered_at       DATETIME(6),
    CONSTRAINT fk_match_attempt_request FOREIGN KEY (request_id) REFERENCES match_request (id)
);
CREATE INDEX ix_match_attempt_request ON match_attempt (request_id, id);
CREATE INDEX ix_match_attempt_mentor ON match_attempt (mentor_member_id, status);

-- MAT-4, MAT-6: a match, from the mentor's acceptance to its close. An active match uses one unit of capacity.
CREATE TABLE mentor_match (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id              BIGINT        NOT NULL,
    mentor_member_id        BIGINT        NOT NULL,
    entrepreneur_member_id  BIGINT        NOT NULL,
    status                  VARCHAR(20)   NOT NULL,
    started_at              DATETIME(6)   NOT NULL,
    closed_at               DATETIME(6),
    closed_by               VARCHAR(100),
    CONSTRAINT fk_mentor_match_request FOREIGN KEY (request_id) REFERENCES match_request (id)
);
CREATE INDEX ix_mentor_match_mentor ON mentor_match (mentor_member_id, status);
CREATE INDEX ix_mentor_match_entrepreneur ON mentor_match (entrepreneur_member_id, status);

-- The two sides of a match: what a side's links (close, check-in, feedback, partner profile) point at.
CREATE TABLE match_party (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    match_id   BIGINT       NOT NULL,
    member_id  BIGINT       NOT NULL,
    role       VARCHAR(20)  NOT NULL,
    CONSTRAINT fk_match_party_match FOREIGN KEY (match_id) REFERENCES mentor_match (id)
);
CREATE INDEX ix_match_party_member ON match_party (member_id);

-- MAT-4: the record of each introduction: who was told about whom, which fields, when.
CREATE TABLE match_introduction (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    match_id         BIGINT        NOT NULL,
    to_member_id     BIGINT        NOT NULL,
    about_member_id  BIGINT        NOT NULL,
    fields           VARCHAR(200)  NOT NULL,
    sent_at          DATETIME(6)   NOT NULL,
    CONSTRAINT fk_match_introduction_match FOREIGN KEY (match_id) REFERENCES mentor_match (id)
);

-- MAT-6: one check-in per side per cycle; the answer comes through the mailed link.
CREATE TABLE match_check_in (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    match_id     BIGINT        NOT NULL,
    party_id     BIGINT        NOT NULL,
    cycle_no     INT           NOT NULL,
    sent_at      DATETIME(6)   NOT NULL,
    answer       VARCHAR(20),
    comment      VARCHAR(2000),
    answered_at  DATETIME(6),
    CONSTRAINT fk_match_check_in_match FOREIGN KEY (match_id) REFERENCES mentor_match (id),
    CONSTRAINT uk_match_check_in UNIQUE (party_id, cycle_no)
);

-- MAT-6: closing asks both sides for feedback.
CREATE TABLE match_feedback (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    match_id     BIGINT        NOT NULL,
    party_id     BIGINT        NOT NULL,
    asked_at     DATETIME(6)   NOT NULL,
    rating       INT,
    comment      VARCHAR(2000),
    answered_at  DATETIME(6),
    CONSTRAINT fk_match_feedback_match FOREIGN KEY (match_id) REFERENCES mentor_match (id),
    CONSTRAINT uk_match_feedback UNIQUE (party_id)
);

-- MAT-5: what went to the entrepreneur's member organisation, and when (never without ORG_REPORTING).
CREATE TABLE match_org_report (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    match_id         BIGINT       NOT NULL,
    organisation_id  BIGINT       NOT NULL,
    report_kind      VARCHAR(20)  NOT NULL,
    sent_at          DATETIME(6)  NOT NULL,
    CONSTRAINT fk_match_org_report_match FOREIGN KEY (match_id) REFERENCES mentor_match (id)
);
