package org.steward.privacy.requests.process;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The timers of DataSubjectRequestProcess (DSR-2, DSR-3), as ISO-8601 durations. */
@Component("requestTimers")
public class RequestTimers {

    private final Duration verificationWait;
    private final Duration reminder;
    private final Duration escalation;

    public RequestTimers(@Value("${steward.privacy.requests.verification-wait:P7D}") Duration verificationWait,
                         @Value("${steward.privacy.requests.reminder:P20D}") Duration reminder,
                         @Value("${steward.privacy.requests.escalation:P27D}") Duration escalation) {
        this.verificationWait = verificationWait;
        this.reminder = reminder;
        this.escalation = escalation;
    }

    public String getVerificationWait() {
        return verificationWait.toString();
    }

    public String getReminder() {
        return reminder.toString();
    }

    public String getEscalation() {
        return escalation.toString();
    }
}
