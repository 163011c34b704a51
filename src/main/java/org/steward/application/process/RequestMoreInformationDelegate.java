package org.steward.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.application.ApplicationProcess;
import org.steward.application.ApplicationDecisions;

/** Task_RequestMoreInformation (APP-5). */
@Component
class RequestMoreInformationDelegate implements JavaDelegate {

    private final ApplicationDecisions service;

    RequestMoreInformationDelegate(ApplicationDecisions service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.requestMoreInformation(ApplicationProcess.applicationId(execution));
    }
}
