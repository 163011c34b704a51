package org.steward.privacy.erasure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureSteps;

/** Task_EndPersonsCases (DSR-7): the person's running process instances end before their history is removed. */
@Component
class EndPersonsCasesDelegate implements JavaDelegate {

    private final ErasureSteps steps;

    EndPersonsCasesDelegate(ErasureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.endCases(ErasureProcess.erasureId(execution));
    }
}
