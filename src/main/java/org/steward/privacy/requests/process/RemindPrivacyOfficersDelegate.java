package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.OfficerReminders;

/** Task_RemindOfficers (DSR-3): day 20, a mail to every privacy officer. */
@Component
class RemindPrivacyOfficersDelegate implements JavaDelegate {

    private final OfficerReminders service;

    RemindPrivacyOfficersDelegate(OfficerReminders service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.tell(DataSubjectRequestProcess.requestId(execution), OfficerReminders.Stage.REMINDER);
    }
}
