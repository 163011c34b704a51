package org.steward.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.application.ApplicationProcess;
import org.steward.application.ApplicationService;

/** Task_SendRejection (APP-5). */
@Component
class SendRejectionDelegate implements JavaDelegate {

    private final ApplicationService service;

    SendRejectionDelegate(ApplicationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendRejection(ApplicationProcess.applicationId(execution));
    }
}
