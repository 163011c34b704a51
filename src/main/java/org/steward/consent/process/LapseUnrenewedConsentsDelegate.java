package org.steward.consent.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.ConsentRenewals;

/** Task_LapseUnrenewedConsents (CON-3): one chunk of consents not renewed lapse and count as not given. */
@Component
class LapseUnrenewedConsentsDelegate implements JavaDelegate {

    private final ConsentRenewals service;

    LapseUnrenewedConsentsDelegate(ConsentRenewals service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.lapse(ConsentProcesses.caseId(execution, ConsentProcesses.RENEWAL_CASE), ConsentProcesses.chunk(execution));
    }
}
