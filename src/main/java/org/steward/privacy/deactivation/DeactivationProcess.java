package org.steward.privacy.deactivation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.steward.tasks.CaseKey;

/**
 * Names shared by MemberDeactivationProcess.bpmn and its Java side (DSR-6). One instance per deactivation,
 * keyed {@code member-<id>}; one variable, the flag {@link #BY_MEMBER}.
 */
public final class DeactivationProcess {

    public static final String KEY = "MemberDeactivationProcess";
    /** Business keys are {@code member-<id>}: processes about one member share this prefix. */
    public static final String CASE = "member";

    /** Decision flag at start: the member asked through their link (true) or staff did it for them (false). */
    public static final String BY_MEMBER = "byMember";

    public static final String MSG_MEMBER_REACTIVATED = "Msg_MemberReactivated";

    public static final String TASK_WAIT_FOR_REACTIVATION = "Task_WaitForReactivation";
    public static final String TIMER_RETENTION_OVER = "BoundaryEvent_RetentionOver";

    private DeactivationProcess() {
    }

    public static String businessKey(long memberId) {
        return CaseKey.of(CASE, memberId);
    }

    public static long memberId(DelegateExecution execution) {
        return CaseKey.idOf(execution.getProcessBusinessKey(), CASE);
    }
}
