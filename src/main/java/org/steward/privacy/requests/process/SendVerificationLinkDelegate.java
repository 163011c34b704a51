package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.RequestSteps;

/** Task_SendVerificationLink (DSR-2): the single-use verification link, through the outbox. */
@Component
class SendVerificationLinkDelegate implements JavaDelegate {

    private final RequestSteps service;

    SendVerificationLinkDelegate(RequestSteps service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendVerificationLink(DataSubjectRequestProcess.requestId(execution));
    }
}
