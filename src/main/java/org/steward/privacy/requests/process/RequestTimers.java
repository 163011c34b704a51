package org.steward.privacy.requests.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.LongFunction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.RequestDeadline;
import org.steward.privacy.requests.RequestExtensions;

/**
 * The timers of DataSubjectRequestProcess (DSR-2, DSR-3). The verification wait is a duration; the
 * reminder, the escalation and the deadline are dates read from our table each time the deadline watch
 * starts: day 20 and day 27 after verification, moved by as much as an extension moved the due date.
 */
@Component("requestTimers")
public class RequestTimers {

    private final Duration verificationWait;
    private final Duration reminder;
    private final Duration escalation;
    private final LongFunction<RequestDeadline> deadlines;

    @Autowired
    public RequestTimers(@Value("${steward.privacy.requests.verification-wait:P7D}") Duration verificationWait,
                         @Value("${steward.privacy.requests.reminder:P20D}") Duration reminder,
                         @Value("${steward.privacy.requests.escalation:P27D}") Duration escalation,
                         RequestExtensions extensions) {
        this(verificationWait, reminder, escalation, extensions::deadline);
    }

    /** For process tests: the deadlines come from the test. */
    public RequestTimers(Duration verificationWait, Duration reminder, Duration escalation, LongFunction<RequestDeadline> deadlines) {
        this.verificationWait = verificationWait;
        this.reminder = reminder;
        this.escalation = escalation;
        this.deadlines = deadlines;
    }

    public String getVerificationWait() {
        return verificationWait.toString();
    }

    /** TimerEvent_ReminderDate: day 20 after verification, plus the extension. */
    public Date reminderAt(DelegateExecution execution) {
        return shifted(execution, reminder);
    }

    /** TimerEvent_EscalationDate: day 27 after verification, plus the extension. */
    public Date escalationAt(DelegateExecution execution) {
        return shifted(execution, escalation);
    }

    /** TimerEvent_DeadlineDate: the due date, or the extended one. */
    public Date dueAt(DelegateExecution execution) {
        return Date.from(deadlines.apply(DataSubjectRequestProcess.requestId(execution)).effectiveDue());
    }

    private Date shifted(DelegateExecution execution, Duration after) {
        RequestDeadline deadline = deadlines.apply(DataSubjectRequestProcess.requestId(execution));
        Duration extension = deadline.extendedTo() == null ? Duration.ZERO : Duration.between(deadline.dueAt(), deadline.extendedTo());
        Instant at = deadline.verifiedAt().plus(after).plus(extension);
        return Date.from(at);
    }
}
