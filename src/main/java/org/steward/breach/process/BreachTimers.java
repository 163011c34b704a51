package org.steward.breach.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentApprovals;
import org.steward.breach.IncidentDeadlines;
import org.steward.breach.IncidentDeadlines.Kind;

/**
 * What BreachNotificationProcess.bpmn asks about deadlines (BRE-2 to BRE-4, BRE-6): its timers and task
 * due dates read the due times from {@link IncidentDeadlines} (our append-only table, by the incident in
 * the business key), and its steps record there when a deadline was met, with the engine's clock, the
 * one its timers use. No deadline, outcome or approver is ever a process variable (issue 7 finding 2).
 * Kinds are {@link Kind} names: ISO_NOTICE, WRITTEN_REPORT, STATUS_REPORT (the current cycle),
 * SUPERVISORY_AUTHORITY.
 */
@Component("breachTimers")
public class BreachTimers {

    private final IncidentDeadlines deadlines;
    private final IncidentApprovals approvals;

    public BreachTimers(IncidentDeadlines deadlines, IncidentApprovals approvals) {
        this.deadlines = deadlines;
        this.approvals = approvals;
    }

    /** When the deadline falls due: a task's due date, or the timer that escalates a missed one. */
    public Date due(DelegateExecution execution, String kind) {
        Kind deadline = Kind.valueOf(kind);
        long incident = BreachProcess.incidentId(execution);
        return Date.from(deadlines.dueAt(incident, deadline, cycle(incident, deadline)));
    }

    /** {@code duration} (ISO-8601, e.g. PT12H) before the deadline. A time already past makes a timer fire at once. */
    public Date before(DelegateExecution execution, String kind, String duration) {
        return Date.from(due(execution, kind).toInstant().minus(Duration.parse(duration)));
    }

    /** BRE-3: the ISO notice went out (approved or automatic), so the written report's 24 hours start. */
    public void openWrittenReport(DelegateExecution execution) {
        deadlines.openWrittenReport(BreachProcess.incidentId(execution));
    }

    /** BRE-4: the next daily status report cycle. */
    public void openNextStatusReport(DelegateExecution execution) {
        deadlines.openNextStatusReport(BreachProcess.incidentId(execution));
    }

    /** The step the deadline asks for is done now; recorded with the staff member who approved it. */
    public boolean close(DelegateExecution execution, String kind) {
        Kind deadline = Kind.valueOf(kind);
        long incident = BreachProcess.incidentId(execution);
        int cycle = cycle(incident, deadline);
        String approvedBy = approvals.latest(incident, IncidentApprovals.Kind.valueOf(kind), cycle)
                .map(IncidentApprovals.Approval::approvedBy).orElse(null);
        return close(incident, deadline, cycle, approvedBy);
    }

    /** The step was done by Steward alone (the minimal ISO notice at 23 hours): no approver. */
    public boolean closeWithoutApproval(DelegateExecution execution, String kind) {
        Kind deadline = Kind.valueOf(kind);
        long incident = BreachProcess.incidentId(execution);
        return close(incident, deadline, cycle(incident, deadline), null);
    }

    private boolean close(long incident, Kind kind, int cycle, String recordedBy) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        return Boolean.TRUE.equals(deadlines.close(incident, kind, cycle, now, recordedBy).met());
    }

    private int cycle(long incident, Kind kind) {
        return kind == Kind.STATUS_REPORT ? deadlines.currentCycle(incident, kind) : 0;
    }
}
