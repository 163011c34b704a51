package org.steward.matching.process;

import org.springframework.stereotype.Component;
import org.steward.matching.MatchingProperties;

/** The durations the matching timers read (MAT-3: 7 days to answer; MAT-6: the check-in cycle). */
@Component("matchingTimers")
public class MatchingTimers {

    private final MatchingProperties settings;

    MatchingTimers(MatchingProperties settings) {
        this.settings = settings;
    }

    /** MAT-3: P7D. */
    public String getMentorAnswerWithin() {
        return settings.mentorAnswerWithin().toString();
    }

    /** MAT-6: R/P30D, every interval while the match is active. */
    public String getCheckInCycle() {
        return "R/" + settings.checkInEvery();
    }
}
