package org.steward.privacy.erasure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureSteps;

/** Task_SendConfirmation (DSR-7): the confirmation mail, through the outbox, before the address goes. */
@Component
class SendConfirmationDelegate implements JavaDelegate {

    private final ErasureSteps steps;

    SendConfirmationDelegate(ErasureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.sendConfirmation(ErasureProcess.erasureId(execution));
    }
}
