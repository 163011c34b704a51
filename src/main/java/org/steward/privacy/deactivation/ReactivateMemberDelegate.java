package org.steward.privacy.deactivation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.deactivation.DeactivationProcess;
import org.steward.privacy.deactivation.Deactivations;

/** Task_ReactivateMember (DSR-6): active and contactable again. */
@Component
class ReactivateMemberDelegate implements JavaDelegate {

    private final Deactivations service;

    ReactivateMemberDelegate(Deactivations service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.reactivate(DeactivationProcess.memberId(execution));
    }
}
