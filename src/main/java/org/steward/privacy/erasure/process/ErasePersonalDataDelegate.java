package org.steward.privacy.erasure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureSteps;

/** Task_ErasePersonalData (DSR-7, DSR-4): the history of the person's cases, then every place of the register not held. */
@Component
class ErasePersonalDataDelegate implements JavaDelegate {

    private final ErasureSteps steps;

    ErasePersonalDataDelegate(ErasureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ErasureProcess.RECORDS_HELD, steps.erase(ErasureProcess.erasureId(execution)));
    }
}
