package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.RequestSteps;

/** Task_SendExtensionNotice (DSR-3): the requester receives the reason and the new date. */
@Component
class SendExtensionNoticeDelegate implements JavaDelegate {

    private final RequestSteps service;

    SendExtensionNoticeDelegate(RequestSteps service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendExtensionNotice(DataSubjectRequestProcess.requestId(execution));
    }
}
