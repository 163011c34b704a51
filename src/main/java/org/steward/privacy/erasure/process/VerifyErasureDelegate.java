package org.steward.privacy.erasure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureSteps;

/** Task_VerifyErasure (DSR-7's completeness check): residueFound for the gateway. */
@Component
class VerifyErasureDelegate implements JavaDelegate {

    private final ErasureSteps steps;

    VerifyErasureDelegate(ErasureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ErasureProcess.RESIDUE_FOUND, steps.verify(ErasureProcess.erasureId(execution)));
    }
}
