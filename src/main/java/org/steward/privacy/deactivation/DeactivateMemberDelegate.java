package org.steward.privacy.deactivation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.deactivation.DeactivationProcess;
import org.steward.privacy.deactivation.Deactivations;

/** Task_DeactivateMember (DSR-6): hides the member at once, keeps the data for the retention period. */
@Component
class DeactivateMemberDelegate implements JavaDelegate {

    private final Deactivations service;

    DeactivateMemberDelegate(Deactivations service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.deactivate(DeactivationProcess.memberId(execution), Boolean.TRUE.equals(execution.getVariable(DeactivationProcess.BY_MEMBER)));
    }
}
