package org.steward.privacy.requests;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * A request's time is the process engine's time (DSR-3): the day-20 and day-27 timers fire by the
 * engine's clock, so the verification time, the due date and "deadline met" are read from the same
 * clock. In production that is the system clock; tests move it to walk a request's 30 days.
 */
@Component
class RequestClock {

    Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
