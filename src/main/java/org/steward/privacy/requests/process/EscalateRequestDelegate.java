package org.steward.privacy.requests.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.OfficerReminders;

/** Task_EscalateToOfficers (DSR-3): day 27, the escalation to the privacy officers. */
@Component
class EscalateRequestDelegate implements JavaDelegate {

    private final OfficerReminders service;

    EscalateRequestDelegate(OfficerReminders service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.tell(DataSubjectRequestProcess.requestId(execution), OfficerReminders.Stage.ESCALATION);
    }
}
