package org.steward.consent.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.PolicyChanges;

/** Task_SelectPolicyNoticeRecipients (CON-6): every member still taking program communications. */
@Component
class SelectPolicyNoticeRecipientsDelegate implements JavaDelegate {

    private final PolicyChanges service;

    SelectPolicyNoticeRecipientsDelegate(PolicyChanges service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.selectRecipients(ConsentProcesses.caseId(execution, ConsentProcesses.POLICY_CASE));
    }
}
