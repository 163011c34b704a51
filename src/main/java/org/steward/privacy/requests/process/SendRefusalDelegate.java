package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.RequestSteps;

/** Task_SendRefusal (DSR-4): the requester always gets the reason. */
@Component
class SendRefusalDelegate implements JavaDelegate {

    private final RequestSteps service;

    SendRefusalDelegate(RequestSteps service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendRefusal(DataSubjectRequestProcess.requestId(execution));
    }
}
