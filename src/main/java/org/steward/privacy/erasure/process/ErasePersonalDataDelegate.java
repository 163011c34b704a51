package org.steward.privacy.erasure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureSteps;

/** Task_ErasePersonalData (DSR-7): the history of the person's cases, then every place of the register. */
@Component
class ErasePersonalDataDelegate implements JavaDelegate {

    private final ErasureSteps steps;

    ErasePersonalDataDelegate(ErasureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.erase(ErasureProcess.erasureId(execution));
    }
}
