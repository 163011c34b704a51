package org.steward.privacy.processors.process;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The timers of ProcessorInstructionProcess (DSR-7), counted from sending: reminder on day 5, follow-up on day 14. */
@Component("processorTimers")
public class ProcessorTimers {

    private final Duration reminder;
    private final Duration followUp;

    public ProcessorTimers(@Value("${steward.privacy.processors.reminder:P5D}") Duration reminder,
                           @Value("${steward.privacy.processors.follow-up:P14D}") Duration followUp) {
        this.reminder = reminder;
        this.followUp = followUp;
    }

    public String getReminder() {
        return reminder.toString();
    }

    public String getFollowUp() {
        return followUp.toString();
    }
}
