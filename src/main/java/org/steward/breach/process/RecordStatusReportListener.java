package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentRecords;
import org.steward.breach.ReportKind;
import org.steward.security.CurrentStaffUser;

/** On completing Task_WriteStatusReport (BRE-4): stores the five parts of this cycle; marks the investigation complete when the officer says so. */
@Component
class RecordStatusReportListener implements TaskListener {

    private final IncidentRecords service;

    RecordStatusReportListener(IncidentRecords service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        long incidentId = TaskVariables.incidentId(task);
        int cycle = (int) TaskVariables.longValue(task, BreachProcess.STATUS_REPORT_CYCLE);
        long reportId = service.recordReport(incidentId, ReportKind.STATUS_REPORT, cycle,
                TaskVariables.takeReportFields(task, ReportKind.STATUS_REPORT), CurrentStaffUser.of(task));
        boolean complete = TaskVariables.flag(task, BreachProcess.INVESTIGATION_COMPLETE);
        if (complete) {
            service.completeInvestigation(incidentId);
        }
        task.setVariable(BreachProcess.STATUS_REPORT_ID, reportId);
        task.setVariable(BreachProcess.INVESTIGATION_COMPLETE, complete);
        TaskVariables.removeReportFields(task, ReportKind.STATUS_REPORT);
    }
}
