package org.steward.breach.process;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentApprovals;
import org.steward.breach.IncidentDeadlines.Kind;
import org.steward.breach.IncidentRecords;
import org.steward.breach.ReportKind;
import org.steward.tasks.StaffTask;

/** Task_WriteWrittenReport (BRE-3): the six parts, as far as can be determined, due 24 hours after the ISO notice. */
@Component
class WriteWrittenReportForm extends ReportTaskForm {

    WriteWrittenReportForm(IncidentTaskViews views, IncidentRecords incidents, IncidentApprovals approvals) {
        super(views, incidents, approvals, ReportKind.WRITTEN_REPORT, IncidentApprovals.Kind.WRITTEN_REPORT);
    }

    @Override
    public String taskKey() {
        return BreachProcess.TASK_WRITE_WRITTEN_REPORT;
    }

    @Override
    public Set<String> outputs() {
        return Set.of();
    }

    /** "Write written report for incident #7 — due 23 Nov 10:00 UTC". */
    @Override
    public String title(StaffTask task) {
        return "Write written report for incident #" + IncidentTaskViews.incidentId(task) + " — due "
                + views.due(task, Kind.WRITTEN_REPORT, 0);
    }
}
