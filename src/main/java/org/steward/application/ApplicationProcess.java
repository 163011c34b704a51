package org.steward.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.steward.tasks.CaseKey;

/**
 * Names shared by ApplicationApprovalProcess.bpmn and its Java side. Variables hold ids and
 * decisions only: names, emails and free text stay in our tables.
 */
public final class ApplicationProcess {

    /**
     * Why an application was rejected or a question asked, as a category the reviewer chooses (AUD-2): the
     * auditors see it; the free-text reason stays with the application.
     */
    public enum ReasonCategory { ELIGIBILITY, EXPERIENCE, REFERENCES, PROGRAM_CAPACITY, MISSING_INFORMATION, OTHER }

    public static final String KEY = "ApplicationApprovalProcess";
    /** Business keys are {@code application-<id>}: the case a task or step works on comes from the key. */
    public static final String CASE = "application";

    // Variables
    public static final String REFERENCE_ID = "referenceId";
    /** {@link Decision} name, set by the review task form. */
    public static final String DECISION = "decision";

    // Messages
    public static final String MSG_APPLICANT_EMAIL_CONFIRMED = "Msg_ApplicantEmailConfirmed";
    public static final String MSG_REFERENCE_RECEIVED = "Msg_ReferenceReceived";
    public static final String MSG_REFEREE_DATA_REMOVED = "Msg_RefereeDataRemoved";
    public static final String MSG_MORE_INFORMATION_RECEIVED = "Msg_MoreInformationReceived";

    // Elements tests and staff refer to
    public static final String TASK_WAIT_FOR_EMAIL_CONFIRMATION = "Task_WaitForEmailConfirmation";
    public static final String TASK_REVIEW_APPLICATION = "Task_ReviewApplication";

    public enum Decision { APPROVE, REJECT, MORE_INFO }

    private ApplicationProcess() {
    }

    public static String businessKey(long applicationId) {
        return CaseKey.of(CASE, applicationId);
    }

    /** The application a process step works on, from the instance's immutable business key. */
    public static long applicationId(DelegateExecution execution) {
        return CaseKey.idOf(execution.getProcessBusinessKey(), CASE);
    }
}
