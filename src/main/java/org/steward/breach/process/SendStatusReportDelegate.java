package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentApprovals;
import org.steward.breach.IncidentDeadlines;
import org.steward.breach.IncidentNotices;

/** Task_SendStatusReport (BRE-4): this cycle's approved status report, to every contact. */
@Component
class SendStatusReportDelegate implements JavaDelegate {

    private final IncidentNotices service;
    private final IncidentDeadlines deadlines;
    private final IncidentApprovals approvals;

    SendStatusReportDelegate(IncidentNotices service, IncidentDeadlines deadlines, IncidentApprovals approvals) {
        this.service = service;
        this.deadlines = deadlines;
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long incident = BreachProcess.incidentId(execution);
        int cycle = deadlines.currentCycle(incident, IncidentDeadlines.Kind.STATUS_REPORT);
        service.sendReport(incident, approvals.approvedReport(incident, IncidentApprovals.Kind.STATUS_REPORT, cycle));
    }
}
