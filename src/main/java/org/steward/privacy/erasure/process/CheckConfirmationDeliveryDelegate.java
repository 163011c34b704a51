package org.steward.privacy.erasure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureSteps;

/** Task_CheckConfirmationDelivery: PENDING, SENT or FAILED, for the gateway. */
@Component
class CheckConfirmationDeliveryDelegate implements JavaDelegate {

    private final ErasureSteps steps;

    CheckConfirmationDeliveryDelegate(ErasureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ErasureProcess.CONFIRMATION_DELIVERY, steps.confirmationDelivery(ErasureProcess.erasureId(execution)));
    }
}
