package org.steward.privacy.deactivation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.deactivation.DeactivationProcess;

/** Task_SendDeactivationConfirmation (DSR-6): the one mail a deactivated member gets, with the reactivation link. */
@Component
class SendDeactivationConfirmationDelegate implements JavaDelegate {

    private final DeactivationMails service;

    SendDeactivationConfirmationDelegate(DeactivationMails service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendDeactivationConfirmation(DeactivationProcess.memberId(execution));
    }
}
