package org.steward.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.application.ApplicationProcess;
import org.steward.application.ReferenceService;

/** Task_SendReferenceReminder (APP-3). */
@Component
class SendReferenceReminderDelegate implements JavaDelegate {

    private final ReferenceService service;

    SendReferenceReminderDelegate(ReferenceService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.remindReferee(((Number) execution.getVariable(ApplicationProcess.REFERENCE_ID)).longValue());
    }
}
