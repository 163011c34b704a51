package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentNotices;

/** Task_SendStatusReport (BRE-4): this cycle's status report, to every contact. */
@Component
class SendStatusReportDelegate implements JavaDelegate {

    private final IncidentNotices service;

    SendStatusReportDelegate(IncidentNotices service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendReport(TaskVariables.incidentId(execution), TaskVariables.longValue(execution, BreachProcess.STATUS_REPORT_ID));
    }
}
