package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentApprovals;
import org.steward.breach.IncidentNotices;

/** Task_SendIsoNotice (BRE-2): the approved notice to every affected organisation's contacts, with its approver. */
@Component
class SendIsoNoticeDelegate implements JavaDelegate {

    private final IncidentNotices service;
    private final IncidentApprovals approvals;

    SendIsoNoticeDelegate(IncidentNotices service, IncidentApprovals approvals) {
        this.service = service;
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long incident = BreachProcess.incidentId(execution);
        String approvedBy = approvals.latest(incident, IncidentApprovals.Kind.ISO_NOTICE, 0)
                .orElseThrow(() -> new IllegalStateException("Incident " + incident + ": the ISO notice was not approved"))
                .approvedBy();
        service.sendIsoNotice(incident, approvedBy, false);
    }
}
