package org.steward.matching;

import java.sql.Timestamp;
import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Matching's time is the engine's: the 7-day and 30-day timers and our timestamps read the same clock. */
@Component
class MatchingClock {

    Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    Timestamp stamp() {
        return Timestamp.from(now());
    }
}
