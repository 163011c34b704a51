package org.steward.breach.process;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;

/**
 * Deadlines of the breach process (BRE-2 to BRE-4, BRE-6), all counted from a date the process
 * already holds, never from "now": the BPMN timers read their dates from here, and the deadline
 * outcomes an auditor queries ({@code D}DueAt, {@code D}DoneAt, {@code D}DeadlineMet) are written
 * here with the engine's clock, the same clock the timers use.
 */
@Component("breachTimers")
public class BreachTimers {

    /** {@code from} plus an ISO-8601 duration such as PT12H. A date in the past makes a timer fire at once. */
    public Date after(Date from, String duration) {
        return Date.from(from.toInstant().plus(Duration.parse(duration)));
    }

    /** {@code from} minus an ISO-8601 duration: when to warn before a deadline. */
    public Date before(Date from, String duration) {
        return Date.from(from.toInstant().minus(Duration.parse(duration)));
    }

    /** Opens a deadline: {@code deadline}DueAt = from + duration. */
    public Date open(DelegateExecution execution, String deadline, Date from, String duration) {
        Date due = after(from, duration);
        execution.setVariable(deadline + "DueAt", due);
        return due;
    }

    /** Closes a deadline now: {@code deadline}DoneAt and whether it was met. */
    public boolean close(DelegateExecution execution, String deadline) {
        Date now = ClockUtil.getCurrentTime();
        Date due = (Date) execution.getVariable(deadline + "DueAt");
        boolean met = !now.after(due);
        execution.setVariable(deadline + "DoneAt", now);
        execution.setVariable(deadline + "DeadlineMet", met);
        if (!met && BreachProcess.STATUS_REPORT.equals(deadline)) {
            Object late = execution.getVariable("statusReportsLate");
            execution.setVariable("statusReportsLate", late == null ? 1 : ((Number) late).intValue() + 1);
        }
        return met;
    }

    /**
     * Starts the next daily status report cycle (BRE-4): report n is due n × 24 hours after the
     * written report was sent, so the rhythm holds even when one report is late.
     */
    public Date nextStatusReport(DelegateExecution execution) {
        Object previous = execution.getVariable(BreachProcess.STATUS_REPORT_CYCLE);
        int cycle = previous == null ? 1 : ((Number) previous).intValue() + 1;
        execution.setVariable(BreachProcess.STATUS_REPORT_CYCLE, cycle);
        Date writtenReportSent = (Date) execution.getVariable(BreachProcess.WRITTEN_REPORT + "DoneAt");
        return open(execution, BreachProcess.STATUS_REPORT, writtenReportSent, Duration.ofHours(24L * cycle).toString());
    }
}
