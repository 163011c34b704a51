package org.steward.application;

/**
 * Names shared by ApplicationApprovalProcess.bpmn and its Java side. Variables hold ids and
 * decisions only: names, emails and free text stay in our tables (see SensitiveVariables).
 */
public final class ApplicationProcess {

    public static final String KEY = "ApplicationApprovalProcess";

    // Variables
    public static final String APPLICATION_ID = "applicationId";
    public static final String REFERENCE_ID = "referenceId";
    /** {@link Decision} name, set by the review task form. */
    public static final String DECISION = "decision";

    // Messages
    public static final String MSG_REFERENCE_RECEIVED = "Msg_ReferenceReceived";
    public static final String MSG_REFEREE_DATA_REMOVED = "Msg_RefereeDataRemoved";
    public static final String MSG_MORE_INFORMATION_RECEIVED = "Msg_MoreInformationReceived";

    // Elements tests and staff refer to
    public static final String TASK_REVIEW_APPLICATION = "Task_ReviewApplication";

    public enum Decision { APPROVE, REJECT, MORE_INFO }

    private ApplicationProcess() {
    }
}
