package org.steward.breach.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentRecords;
import org.steward.breach.ReportKind;
import org.steward.security.CurrentStaffUser;

/** On completing Task_WriteWrittenReport (BRE-3): stores the six parts as a new report revision; the process keeps its id. */
@Component
class RecordWrittenReportListener implements TaskListener {

    private final IncidentRecords service;

    RecordWrittenReportListener(IncidentRecords service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        long reportId = service.recordReport(TaskVariables.incidentId(task), ReportKind.WRITTEN_REPORT, 0,
                TaskVariables.takeReportFields(task, ReportKind.WRITTEN_REPORT), CurrentStaffUser.of(task));
        task.setVariable(BreachProcess.WRITTEN_REPORT_ID, reportId);
        TaskVariables.removeReportFields(task, ReportKind.WRITTEN_REPORT);
    }
}
