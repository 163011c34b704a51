package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentNotices;

/** Task_SendMinimalIsoNotice (BRE-2): nobody sent the notice by 23 hours, so a minimal one goes out (logged as MINIMAL_ISO_NOTICE). */
@Component
class SendMinimalIsoNoticeDelegate implements JavaDelegate {

    private final IncidentNotices service;

    SendMinimalIsoNoticeDelegate(IncidentNotices service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendIsoNotice(BreachProcess.incidentId(execution), null, true);
    }
}
