package org.steward.privacy.requests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.steward.tasks.CaseKey;

/**
 * Names shared by DataSubjectRequestProcess.bpmn and its Java side. The only variables are
 * {@code requestId} and decision flags; the address and every text live in Steward's tables.
 */
public final class DataSubjectRequestProcess {

    public static final String KEY = "DataSubjectRequestProcess";
    /** Business keys are {@code request-<id>}. */
    public static final String CASE = "request";

    public static final String MSG_REQUEST_VERIFIED = "Msg_RequestVerified";
    /** DSR-3: a privacy officer extended the deadline; the deadline watch starts again on the new date. */
    public static final String MSG_DEADLINE_EXTENDED = "Msg_DeadlineExtended";

    // Variables
    public static final String REQUEST_ID = "requestId";
    /** APPROVE, REFUSE or ASK_FOR_DETAILS, set by the review task. */
    public static final String DECISION = "decision";
    /** EXPORT, RESTRICT, ERASE, DEACTIVATE or MANUAL: the branch after approval, set on verification. */
    public static final String HANDLING = "handling";

    public enum Decision { APPROVE, REFUSE, ASK_FOR_DETAILS }

    /** Why a request was refused or details asked, as a category the officer chooses (AUD-2); the text stays ours. */
    public enum ReasonCategory { IDENTITY_NOT_CONFIRMED, MANIFESTLY_UNFOUNDED, EXCESSIVE, LEGAL_OBLIGATION, NO_DATA_HELD,
        DETAILS_MISSING, OTHER }

    // Elements tests and staff refer to
    public static final String TASK_REVIEW_REQUEST = "Task_ReviewRequest";
    /** RECTIFICATION: the officer corrects the person's data. */
    public static final String TASK_CORRECT_DATA = "Task_CorrectData";
    public static final String WATCH_DEADLINE = "SubProcess_WatchDeadline";
    public static final String WAIT_FOR_VERIFICATION = "Task_WaitForVerification";
    /** Where a request staff file on someone's behalf starts: it is verified already. */
    public static final String ANSWER_REQUEST = "SubProcess_AnswerRequest";

    private DataSubjectRequestProcess() {
    }

    public static String businessKey(long requestId) {
        return CaseKey.of(CASE, requestId);
    }

    /** The request a step works on, from the instance's immutable business key. */
    public static long requestId(DelegateExecution execution) {
        return CaseKey.idOf(execution.getProcessBusinessKey(), CASE);
    }
}
