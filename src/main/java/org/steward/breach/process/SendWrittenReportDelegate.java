package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentApprovals;
import org.steward.breach.IncidentNotices;

/** Task_SendWrittenReport (BRE-3): the report revision the officer filed, to every contact. */
@Component
class SendWrittenReportDelegate implements JavaDelegate {

    private final IncidentNotices service;
    private final IncidentApprovals approvals;

    SendWrittenReportDelegate(IncidentNotices service, IncidentApprovals approvals) {
        this.service = service;
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long incident = BreachProcess.incidentId(execution);
        service.sendReport(incident, approvals.approvedReport(incident, IncidentApprovals.Kind.WRITTEN_REPORT, 0));
    }
}
