package org.steward.consent.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.PolicyChanges;

/** Task_OpenNewPurposes (CON-6): the purposes the version adds become choices nobody has made yet. */
@Component
class OpenNewPurposesDelegate implements JavaDelegate {

    private final PolicyChanges service;

    OpenNewPurposesDelegate(PolicyChanges service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.openNewPurposes(ConsentProcesses.caseId(execution, ConsentProcesses.POLICY_CASE));
    }
}
