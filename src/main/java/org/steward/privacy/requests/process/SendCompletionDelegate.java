package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.RequestSteps;

/** Task_SendCompletion: the requester hears the request was carried out. */
@Component
class SendCompletionDelegate implements JavaDelegate {

    private final RequestSteps service;

    SendCompletionDelegate(RequestSteps service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendCompletion(DataSubjectRequestProcess.requestId(execution));
    }
}
