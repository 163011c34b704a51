package org.steward.breach;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.steward.tasks.CaseKey;

/**
 * Names shared by BreachNotificationProcess.bpmn and its Java side. The incident comes from the
 * business key ({@code incident-7}); variables hold decision flags only. Texts stay in the incident's
 * own tables, and deadlines, their outcomes and who approved what are kept in our append-only tables
 * ({@link IncidentDeadlines}, {@link IncidentApprovals}), never in writable process variables
 * (issue 7 finding 2, BRE-6).
 */
public final class BreachProcess {

    public static final String KEY = "BreachNotificationProcess";
    /** Business keys are {@code incident-<id>}: every step and form reads the incident from the key. */
    public static final String CASE = "incident";

    // Variables: decision flags set by the task forms, and the engine's own multi-instance element.
    /** Boolean from the triage form: false closes the incident at triage. */
    public static final String GENUINE_INCIDENT = "genuineIncident";
    /** Boolean from the status report form: true ends the daily status reports (BRE-4). */
    public static final String INVESTIGATION_COMPLETE = "investigationComplete";
    /** Boolean from the supervisory authority form: notified (true) or not required (false). */
    public static final String SUPERVISORY_AUTHORITY_NOTIFIED = "supervisoryAuthorityNotified";
    /** The chunk of member ids one "Queue member notices" job handles (BRE-5). */
    public static final String MEMBER_CHUNK = "memberChunk";
    /** Local input of the escalation task: an {@link Escalation} name. */
    public static final String ESCALATION = "escalation";

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

    public static String businessKey(long incidentId) {
        return CaseKey.of(CASE, incidentId);
    }

    /** The incident a process step works on, from the instance's immutable business key. */
    public static long incidentId(DelegateExecution execution) {
        return CaseKey.idOf(execution.getProcessBusinessKey(), CASE);
    }
}
