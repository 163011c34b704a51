package org.steward.audit.view;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.steward.audit.RequestCompliance;
import org.steward.audit.RequestCompliance.Request;

/**
 * Request deadline compliance (AUD-4, DSR-3): each data-subject request received in the period with its type,
 * when it was received, due (and extended to), answered, whether the deadline was met, and its outcome.
 */
@Service
class RequestReport {

    static final String PROCESS = "DataSubjectRequestProcess";
    static final List<String> HEADER = List.of("request", "type", "received_at", "due_at", "extended_to", "answered_at",
            "deadline", "outcome");

    static List<Object> fields(Request r) {
        return List.of(r.businessKey(), r.type(), r.receivedAt(), value(r.dueAt()), value(r.extendedTo()), value(r.answeredAt()),
                r.deadline(), value(r.result()));
    }

    private static Object value(Object v) {
        return v == null ? "" : v;
    }

    private final List<RequestCompliance> sources;
    private final Clock clock;

    RequestReport(List<RequestCompliance> sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    void forEachRow(Period period, Consumer<Request> each) {
        sources.forEach(source -> source.forEachReceivedBetween(period.start(), period.end(), clock.instant(), each));
    }
}
