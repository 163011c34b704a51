package org.steward.breach;

/**
 * Names shared by BreachNotificationProcess.bpmn and its Java side. Variables hold the incident id,
 * report ids, dates and decision flags only; descriptions and report texts stay in the incident's
 * own tables (see SensitiveVariables: form fields named text_… never reach history).
 *
 * <p>Deadline outcomes (BRE-6) are process variables an auditor can query in history, for each
 * deadline D of {@link #DEADLINES}: {@code D + "DueAt"} (Date), {@code D + "DoneAt"} (Date) and
 * {@code D + "DeadlineMet"} (Boolean). Status reports repeat, so their variables are overwritten
 * each cycle (history keeps every value) and {@code statusReportsLate} counts the late ones.
 */
public final class BreachProcess {

    public static final String KEY = "BreachNotificationProcess";

    // Variables
    public static final String INCIDENT_ID = "incidentId";
    /** java.util.Date: when the incident was discovered; every deadline counts from it (BRE-2). */
    public static final String DISCOVERED_AT = "discoveredAt";
    /** Boolean from the triage form: false closes the incident at triage. */
    public static final String GENUINE_INCIDENT = "genuineIncident";
    /** Boolean from the status report form: true ends the daily status reports (BRE-4). */
    public static final String INVESTIGATION_COMPLETE = "investigationComplete";
    /** Boolean from the supervisory authority form: notified (true) or not required (false). */
    public static final String SUPERVISORY_AUTHORITY_NOTIFIED = "supervisoryAuthorityNotified";
    public static final String WRITTEN_REPORT_ID = "writtenReportId";
    public static final String STATUS_REPORT_ID = "statusReportId";
    public static final String MEMBER_NOTICE_ID = "memberNoticeId";
    public static final String STATUS_REPORT_CYCLE = "statusReportCycle";
    public static final String ISO_NOTICE_APPROVED_BY = "isoNoticeApprovedBy";
    public static final String ISO_NOTICE_AUTOMATIC = "isoNoticeAutomatic";
    /** The chunk of member ids one "Queue member notices" job handles (BRE-5). */
    public static final String MEMBER_CHUNK = "memberChunk";
    /** Local input of the escalation task: an {@link Escalation} name. */
    public static final String ESCALATION = "escalation";

    // Deadlines (BRE-6)
    public static final String ISO_NOTICE = "isoNotice";
    public static final String WRITTEN_REPORT = "writtenReport";
    public static final String STATUS_REPORT = "statusReport";
    public static final String SUPERVISORY_AUTHORITY = "supervisoryAuthority";

    // Free-text form fields (text_…): moved into our tables by the task listeners, then removed.
    public static final String TEXT_CLOSURE_REASON = "text_closureReason";
    public static final String TEXT_MEMBER_MESSAGE = "text_memberMessage";
    public static final String TEXT_SUPERVISORY_AUTHORITY_NOTE = "text_supervisoryAuthorityNote";

    // Elements tests and staff refer to
    public static final String TASK_TRIAGE = "Task_TriageIncident";
    public static final String TASK_APPROVE_ISO_NOTICE = "Task_ApproveIsoNotice";
    public static final String TASK_WRITE_WRITTEN_REPORT = "Task_WriteWrittenReport";
    public static final String TASK_WRITE_STATUS_REPORT = "Task_WriteStatusReport";
    public static final String TASK_APPROVE_MEMBER_NOTICE = "Task_ApproveMemberNotice";
    public static final String TASK_RECORD_SUPERVISORY_AUTHORITY = "Task_RecordSupervisoryAuthorityDecision";

    /** Why the security officers are written to. */
    public enum Escalation {
        ISO_NOTICE_12H, ISO_NOTICE_20H, ISO_NOTICE_SENT_AUTOMATICALLY,
        WRITTEN_REPORT_DUE_SOON, WRITTEN_REPORT_LATE, STATUS_REPORT_LATE, SUPERVISORY_AUTHORITY_DEADLINE
    }

    private BreachProcess() {
    }
}
