package org.steward.privacy.deactivation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.deactivation.DeactivationProcess;

/** Task_SendReactivationConfirmation (DSR-6): welcome back. */
@Component
class SendReactivationConfirmationDelegate implements JavaDelegate {

    private final DeactivationMails service;

    SendReactivationConfirmationDelegate(DeactivationMails service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendReactivationConfirmation(DeactivationProcess.memberId(execution));
    }
}
