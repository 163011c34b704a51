package org.steward.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.application.ApplicationProcess;
import org.steward.application.EmailConfirmation;

/** Task_DiscardUnconfirmedApplication (issue 7 finding 6). */
@Component
class DiscardUnconfirmedApplicationDelegate implements JavaDelegate {

    private final EmailConfirmation service;

    DiscardUnconfirmedApplicationDelegate(EmailConfirmation service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.discardUnconfirmed(ApplicationProcess.applicationId(execution));
    }
}
