package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentNotices;

/** Task_SendIsoNotice (BRE-2): the approved notice to every affected organisation's contacts. */
@Component
class SendIsoNoticeDelegate implements JavaDelegate {

    private final IncidentNotices service;

    SendIsoNoticeDelegate(IncidentNotices service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendIsoNotice(TaskVariables.incidentId(execution),
                (String) execution.getVariable(BreachProcess.ISO_NOTICE_APPROVED_BY), false);
    }
}
