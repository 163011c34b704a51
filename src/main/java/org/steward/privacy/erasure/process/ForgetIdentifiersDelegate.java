package org.steward.privacy.erasure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureSteps;

/** Task_ForgetIdentifiers: the short-lived work list is emptied; the erasure's record stays. */
@Component
class ForgetIdentifiersDelegate implements JavaDelegate {

    private final ErasureSteps steps;

    ForgetIdentifiersDelegate(ErasureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.forgetIdentifiers(ErasureProcess.erasureId(execution));
    }
}
