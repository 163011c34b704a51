package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.RequestSteps;

/** Task_ExpireRequest (DSR-2): unverified after 7 days; the address and details go. */
@Component
class ExpireRequestDelegate implements JavaDelegate {

    private final RequestSteps service;

    ExpireRequestDelegate(RequestSteps service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.expire(DataSubjectRequestProcess.requestId(execution));
    }
}
