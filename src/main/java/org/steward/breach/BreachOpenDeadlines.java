package org.steward.breach;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.steward.operations.OpenDeadlines;

/** The incidents' open deadlines (ISO notice, reports, supervisory authority) for the operators' metrics (issue 14). */
@Component
class BreachOpenDeadlines implements OpenDeadlines {

    private final IncidentDeadlines deadlines;

    BreachOpenDeadlines(IncidentDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public String process() {
        return BreachProcess.KEY;
    }

    @Override
    public long dueBetween(Instant from, Instant to) {
        return deadlines.countOpenDueBetween(from, to);
    }
}
