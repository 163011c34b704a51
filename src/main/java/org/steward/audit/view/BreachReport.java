package org.steward.audit.view;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.steward.audit.CaseDeadlines;
import org.steward.audit.CaseDeadlines.Deadline;
import org.steward.audit.CaseDeadlines.Outcome;

/**
 * Breach deadline compliance (AUD-4, BRE-6): per incident discovered in the period, each deadline with
 * due, done and met/missed, who approved it, and the outcome of the GDPR 72-hour clock.
 */
@Service
class BreachReport {

    static final List<String> HEADER = List.of("incident", "discovered_at", "deadline", "cycle", "due_at", "done_at", "outcome",
            "done_by", "approved_by", "gdpr_72h_outcome");

    /** One deadline of one incident, with the incident's 72-hour outcome repeated so each row stands alone. */
    record Row(String incident, java.time.Instant discoveredAt, Deadline deadline, Outcome clock72h) {

        List<Object> fields() {
            return List.of(incident, discoveredAt, deadline.kind(), deadline.cycle(), value(deadline.dueAt()), value(deadline.doneAt()),
                    deadline.outcome(), value(deadline.doneBy()), value(deadline.approvedBy()), clock72h == null ? "" : clock72h);
        }

        private static Object value(Object v) {
            return v == null ? "" : v;
        }
    }

    private final List<CaseDeadlines> sources;
    private final Clock clock;

    BreachReport(List<CaseDeadlines> sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    void forEachRow(Period period, Consumer<Row> each) {
        sources.stream().filter(s -> s.caseType().equals("incident")).forEach(source ->
                source.forEachCaseOpenedBetween(period.start(), period.end(), clock.instant(), incident -> {
                    Outcome clock72h = incident.deadlines().stream().filter(d -> d.kind().equals("SUPERVISORY_AUTHORITY"))
                            .map(Deadline::outcome).findFirst().orElse(null);
                    incident.deadlines().forEach(d -> each.accept(new Row(incident.businessKey(), incident.openedAt(), d, clock72h)));
                }));
    }
}
