package org.steward.privacy.processors.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.processors.ErasureInstructions;
import org.steward.privacy.processors.ProcessorInstructionProcess;

/** Task_SendInstruction (DSR-7): the instruction and its confirmation link go to the processor through the outbox. */
@Component
class SendInstructionDelegate implements JavaDelegate {

    private final ErasureInstructions instructions;

    SendInstructionDelegate(ErasureInstructions instructions) {
        this.instructions = instructions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        instructions.sendInstruction(ProcessorInstructionProcess.instructionId(execution));
    }
}
