-- The auditors' application funnel (AUD-4, issue 13), one row per application case, moved on by the approval
-- process itself (execution listeners in bpmn/ApplicationApprovalProcess.bpmn) in the same transaction as each
-- step. Counting the engine's history instead joined every case with its activity instances: with 100,000
-- cases that is 1.2 million rows per page view (6 s on MariaDB). Only ids, counts and times: no personal data.
-- Cases that ran before this table existed are copied from history once (ApplicationFunnelBackfill).
CREATE TABLE application_funnel_case (
    process_instance_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    business_key         VARCHAR(255) NOT NULL,
    submitted_at         DATETIME(3)  NOT NULL,
    references_received  INT          NOT NULL DEFAULT 0,
    references_expired   INT          NOT NULL DEFAULT 0,
    reviews_opened       INT          NOT NULL DEFAULT 0,
    more_information     INT          NOT NULL DEFAULT 0,
    -- APPROVED, REJECTED or DISCARDED once the step that decides it has run; NULL before.
    outcome              VARCHAR(20),
    ended_at             DATETIME(3),
    duration_ms          BIGINT
);
CREATE INDEX ix_application_funnel_submitted ON application_funnel_case (submitted_at, process_instance_id);
