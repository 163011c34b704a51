package org.steward.privacy.processors.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.processors.ErasureInstructions;
import org.steward.privacy.processors.ProcessorInstructionProcess;

/** Task_SendReminder (DSR-7, day 5): the processor is reminded, with a fresh link. */
@Component
class SendInstructionReminderDelegate implements JavaDelegate {

    private final ErasureInstructions instructions;

    SendInstructionReminderDelegate(ErasureInstructions instructions) {
        this.instructions = instructions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        instructions.sendReminder(ProcessorInstructionProcess.instructionId(execution));
    }
}
