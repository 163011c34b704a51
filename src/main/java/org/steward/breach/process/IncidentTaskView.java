package org.steward.breach.process;

import java.util.List;

import org.steward.breach.IncidentApprovals;
import org.steward.breach.IncidentDeadlines;
import org.steward.breach.Incidents;

/**
 * What every breach task form shows (static/forms/incident-task-form.js renders it): the incident from
 * our tables, every deadline with its state and who approved what (BRE-6), and, on a status report,
 * which cycle it is. Read by the incident in the task's business key, never from process variables.
 */
public record IncidentTaskView(Incidents.IncidentView incident, List<IncidentDeadlines.Deadline> deadlines,
                               List<IncidentApprovals.Approval> approvals, Integer statusReportCycle) {
}
