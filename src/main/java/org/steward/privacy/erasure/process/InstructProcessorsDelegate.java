package org.steward.privacy.erasure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureSteps;

/** Task_InstructProcessors (DSR-7): one ProcessorInstructionProcess per active processor. */
@Component
class InstructProcessorsDelegate implements JavaDelegate {

    private final ErasureSteps steps;

    InstructProcessorsDelegate(ErasureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.instructProcessors(ErasureProcess.erasureId(execution));
    }
}
