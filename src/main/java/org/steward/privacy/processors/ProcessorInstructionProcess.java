package org.steward.privacy.processors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.steward.tasks.CaseKey;

/**
 * Names shared by ProcessorInstructionProcess.bpmn and its Java side (DSR-7). One instance per processor
 * per erasure, business key {@code instruction-<id>}; the only variable is the follow-up's decision flag.
 */
public final class ProcessorInstructionProcess {

    public static final String KEY = "ProcessorInstructionProcess";
    public static final String CASE = "instruction";

    /** The processor confirmed through the link (correlated by business key). */
    public static final String MSG_INSTRUCTION_CONFIRMED = "Msg_InstructionConfirmed";
    /** Set by the follow-up task: the processor confirmed by other means (true) or the officer closes it unconfirmed. */
    public static final String INSTRUCTION_CONFIRMED = "instructionConfirmed";

    public static final String TASK_FOLLOW_UP = "Task_FollowUpInstruction";
    public static final String WAIT_FOR_CONFIRMATION = "Task_WaitForConfirmation";

    private ProcessorInstructionProcess() {
    }

    public static String businessKey(long instructionId) {
        return CaseKey.of(CASE, instructionId);
    }

    public static long instructionId(DelegateExecution execution) {
        return CaseKey.idOf(execution.getProcessBusinessKey(), CASE);
    }
}
