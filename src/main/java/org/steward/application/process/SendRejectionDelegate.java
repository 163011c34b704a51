package org.steward.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.application.ApplicationProcess;
import org.steward.application.ApplicationDecisions;

/** Task_SendRejection (APP-5). */
@Component
class SendRejectionDelegate implements JavaDelegate {

    private final ApplicationDecisions service;

    SendRejectionDelegate(ApplicationDecisions service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendRejection(ApplicationProcess.applicationId(execution));
    }
}
