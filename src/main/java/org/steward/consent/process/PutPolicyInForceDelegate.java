package org.steward.consent.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.PolicyChanges;

/** Task_PutPolicyInForce (CON-6): the effective date has come. */
@Component
class PutPolicyInForceDelegate implements JavaDelegate {

    private final PolicyChanges service;

    PutPolicyInForceDelegate(PolicyChanges service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.putInForce(ConsentProcesses.caseId(execution, ConsentProcesses.POLICY_CASE));
    }
}
