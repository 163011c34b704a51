package org.steward.consent.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.ConsentRenewals;

/** Task_SendRenewalRequests (CON-3): one chunk of renewal requests, 30 days before expiry. */
@Component
class SendRenewalRequestsDelegate implements JavaDelegate {

    private final ConsentRenewals service;

    SendRenewalRequestsDelegate(ConsentRenewals service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendRenewalMail(ConsentProcesses.caseId(execution, ConsentProcesses.RENEWAL_CASE), ConsentProcesses.chunk(execution),
                ConsentRenewals.Step.REQUEST);
    }
}
