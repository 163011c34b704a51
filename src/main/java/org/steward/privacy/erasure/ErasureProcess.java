package org.steward.privacy.erasure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.steward.tasks.CaseKey;

/**
 * Names shared by ErasureProcess.bpmn and its Java side. Variables hold decision flags only; who the
 * person is lives in a short-lived table of ours (erasure_identifier), never in the engine.
 */
public final class ErasureProcess {

    public static final String KEY = "ErasureProcess";
    /** Business keys are {@code erasure-<id>}. */
    public static final String CASE = "erasure";

    // Variables (flags only)
    public static final String PERSON_KNOWN = "personKnown";
    public static final String CONFIRM_TO_PERSON = "confirmToPerson";
    /** PENDING, SENT or FAILED: where the confirmation mail stands. */
    public static final String CONFIRMATION_DELIVERY = "confirmationDelivery";
    public static final String RESIDUE_FOUND = "residueFound";
    /** Set by the residue task: scan again (true) or close with the residue recorded (false). */
    public static final String SCAN_AGAIN = "scanAgain";

    /** DSR-4: records are kept under a legal hold; the erasure waits for it to end. */
    public static final String RECORDS_HELD = "recordsHeld";
    /** DSR-4: an officer released a hold early (correlated by business key to each erasure it kept records for). */
    public static final String MSG_LEGAL_HOLD_RELEASED = "Msg_LegalHoldReleased";

    // Elements tests and staff refer to
    public static final String TASK_RESOLVE_RESIDUE = "Task_ResolveResidue";
    public static final String WAIT_FOR_HOLD = "Gateway_WaitForLegalHold";

    private ErasureProcess() {
    }

    public static String businessKey(long erasureId) {
        return CaseKey.of(CASE, erasureId);
    }

    /** The erasure a step works on, from the instance's immutable business key. */
    public static long erasureId(DelegateExecution execution) {
        return CaseKey.idOf(execution.getProcessBusinessKey(), CASE);
    }
}
