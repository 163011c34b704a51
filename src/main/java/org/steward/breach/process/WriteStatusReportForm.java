package org.steward.breach.process;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentApprovals;
import org.steward.breach.IncidentDeadlines.Kind;
import org.steward.breach.IncidentRecords;
import org.steward.breach.ReportKind;
import org.steward.tasks.FormInput;
import org.steward.tasks.StaffTask;

/**
 * Task_WriteStatusReport (BRE-4): today's five parts; ticking "investigation complete" on the last one
 * ends the daily reports. The cycle comes from the deadline table, never from a variable.
 */
@Component
class WriteStatusReportForm extends ReportTaskForm {

    static final String COMPLETE = BreachProcess.INVESTIGATION_COMPLETE;

    private final IncidentRecords incidents;

    WriteStatusReportForm(IncidentTaskViews views, IncidentRecords incidents, IncidentApprovals approvals) {
        super(views, incidents, approvals, ReportKind.STATUS_REPORT, IncidentApprovals.Kind.STATUS_REPORT);
        this.incidents = incidents;
    }

    @Override
    public String taskKey() {
        return BreachProcess.TASK_WRITE_STATUS_REPORT;
    }

    @Override
    public Set<String> outputs() {
        return Set.of(COMPLETE);
    }

    @Override
    public IncidentTaskView view(StaffTask task) {
        return views.view(task, cycle(task));
    }

    @Override
    protected int cycle(StaffTask task) {
        return views.currentStatusReportCycle(task);
    }

    @Override
    protected Map<String, Object> flags(FormInput form) {
        return Map.of(COMPLETE, form.flag(COMPLETE, false));
    }

    @Override
    protected void afterStored(StaffTask task, Map<String, Object> flags) {
        if (Boolean.TRUE.equals(flags.get(COMPLETE))) {
            incidents.completeInvestigation(IncidentTaskViews.incidentId(task));
        }
    }

    /** "Write status report #3 for incident #7 — due 26 Nov 10:00 UTC". */
    @Override
    public String title(StaffTask task) {
        int cycle = cycle(task);
        return "Write status report #" + cycle + " for incident #" + IncidentTaskViews.incidentId(task) + " — due "
                + views.due(task, Kind.STATUS_REPORT, cycle);
    }
}
