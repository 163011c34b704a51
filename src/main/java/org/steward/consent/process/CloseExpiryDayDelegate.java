package org.steward.consent.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.ConsentRenewals;

/** Task_CloseExpiryDay (CON-3): the day is done; a later consent expiring on it would open it again. */
@Component
class CloseExpiryDayDelegate implements JavaDelegate {

    private final ConsentRenewals service;

    CloseExpiryDayDelegate(ConsentRenewals service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.close(ConsentProcesses.caseId(execution, ConsentProcesses.RENEWAL_CASE));
    }
}
