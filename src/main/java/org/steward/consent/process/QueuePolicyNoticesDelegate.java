package org.steward.consent.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.PolicyChanges;

/** Task_QueuePolicyNotices (CON-6): one chunk of policy notices into the outbox. */
@Component
class QueuePolicyNoticesDelegate implements JavaDelegate {

    private final PolicyChanges service;

    QueuePolicyNoticesDelegate(PolicyChanges service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.queueNotices(ConsentProcesses.caseId(execution, ConsentProcesses.POLICY_CASE), ConsentProcesses.chunk(execution));
    }
}
