package org.steward.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.application.ApplicationProcess;
import org.steward.application.EmailConfirmation;

/** Task_SendEmailConfirmation (issue 7 finding 6). */
@Component
class SendEmailConfirmationDelegate implements JavaDelegate {

    private final EmailConfirmation service;

    SendEmailConfirmationDelegate(EmailConfirmation service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendConfirmation(ApplicationProcess.applicationId(execution));
    }
}
