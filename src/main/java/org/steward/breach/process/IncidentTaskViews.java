package org.steward.breach.process;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentApprovals;
import org.steward.breach.IncidentDeadlines;
import org.steward.breach.IncidentDeadlines.Kind;
import org.steward.breach.Incidents;
import org.steward.tasks.StaffTask;

/** What the breach task forms share: the incident of a task (from its business key), its view, its deadlines in words. */
@Component
class IncidentTaskViews {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Incidents incidents;
    private final IncidentDeadlines deadlines;
    private final IncidentApprovals approvals;

    IncidentTaskViews(Incidents incidents, IncidentDeadlines deadlines, IncidentApprovals approvals) {
        this.incidents = incidents;
        this.deadlines = deadlines;
        this.approvals = approvals;
    }

    static long incidentId(StaffTask task) {
        return task.caseId(BreachProcess.CASE);
    }

    IncidentTaskView view(StaffTask task) {
        return view(task, null);
    }

    IncidentTaskView view(StaffTask task, Integer statusReportCycle) {
        long id = incidentId(task);
        return new IncidentTaskView(incidents.view(id), deadlines.of(id), approvals.of(id), statusReportCycle);
    }

    /** "22 Nov 14:00 UTC": the due time of a deadline of the task's incident, for task names. */
    String due(StaffTask task, Kind kind, int cycle) {
        return DUE.format(deadlines.dueAt(incidentId(task), kind, cycle));
    }

    static String format(Instant instant) {
        return DUE.format(instant);
    }

    int currentStatusReportCycle(StaffTask task) {
        return deadlines.currentCycle(incidentId(task), Kind.STATUS_REPORT);
    }
}
