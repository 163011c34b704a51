-- The record of an incident's deadlines and approvals (issue 7 finding 2, BRE-6): kept here, not in
-- process variables, so nobody who can work on a task can rewrite them. Both tables are append-only:
-- rows are inserted, never updated or deleted; the current state of a deadline is derived from its rows.

-- One row per event of a deadline: OPENED (due_at fixed), DONE (done_at and whether it was met) or
-- WITHDRAWN (the incident was closed at triage, so the deadline no longer applies). Kinds: ISO_NOTICE
-- (BRE-2), WRITTEN_REPORT (BRE-3), STATUS_REPORT (BRE-4, one cycle per day), SUPERVISORY_AUTHORITY
-- (GDPR Art. 33, 72 hours). cycle is the status report's number, 0 for the others.
CREATE TABLE incident_deadline (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    incident_id  BIGINT       NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    cycle        INT          NOT NULL,
    entry        VARCHAR(20)  NOT NULL,
    due_at       DATETIME(6)  NOT NULL,
    done_at      DATETIME(6),
    met          BOOLEAN,
    recorded_by  VARCHAR(100),
    recorded_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_incident_deadline_incident FOREIGN KEY (incident_id) REFERENCES incident (id),
    CONSTRAINT uk_incident_deadline_entry UNIQUE (incident_id, kind, cycle, entry)
);

-- Who released which step, when (BRE-6): the ISO notice, each report revision sent, the member
-- notice, the supervisory authority decision. The send steps read the report to send from here.
CREATE TABLE incident_approval (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    incident_id  BIGINT       NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    cycle        INT          NOT NULL,
    report_id    BIGINT,
    approved_by  VARCHAR(100) NOT NULL,
    approved_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_incident_approval_incident FOREIGN KEY (incident_id) REFERENCES incident (id),
    CONSTRAINT fk_incident_approval_report FOREIGN KEY (report_id) REFERENCES incident_report (id)
);
CREATE INDEX ix_incident_approval_incident ON incident_approval (incident_id, kind, cycle);
