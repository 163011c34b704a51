package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.RequestSteps;

/** Task_AskForDetails: the officer's question goes to the requester. */
@Component
class AskRequesterForDetailsDelegate implements JavaDelegate {

    private final RequestSteps service;

    AskRequesterForDetailsDelegate(RequestSteps service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.askForDetails(DataSubjectRequestProcess.requestId(execution));
    }
}
