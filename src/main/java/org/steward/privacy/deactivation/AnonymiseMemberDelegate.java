package org.steward.privacy.deactivation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.deactivation.DeactivationProcess;

/** Task_AnonymiseMember (DSR-6): the retention period ended without reactivation. */
@Component
class AnonymiseMemberDelegate implements JavaDelegate {

    private final RetentionExpiry service;

    AnonymiseMemberDelegate(RetentionExpiry service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.anonymise(DeactivationProcess.memberId(execution), "retention-timer");
    }
}
