package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentNotices;

/** Task_SendWrittenReport (BRE-3): the report revision the officer filed, to every contact. */
@Component
class SendWrittenReportDelegate implements JavaDelegate {

    private final IncidentNotices service;

    SendWrittenReportDelegate(IncidentNotices service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.sendReport(TaskVariables.incidentId(execution), TaskVariables.longValue(execution, BreachProcess.WRITTEN_REPORT_ID));
    }
}
