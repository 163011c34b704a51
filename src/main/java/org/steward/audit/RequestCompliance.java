package org.steward.audit;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Data-subject request deadline compliance as the auditors' report reads it (AUD-4, DSR-3). The requests
 * capability implements it from its own append-only deadline record, so the audit module does not depend on
 * it. Ids, types, times and categories only: never the requester's address or what they wrote.
 */
public interface RequestCompliance {

    /**
     * One request: {@code dueAt} is null until it is verified (the clock starts then), {@code extendedTo} is
     * the extended deadline where one was granted (null otherwise), {@code result} the request's outcome
     * (e.g. COMPLETED, REFUSED), {@code deadline} how its deadline stands.
     */
    record Request(String businessKey, String type, Instant receivedAt, Instant dueAt, Instant extendedTo, Instant answeredAt,
                   CaseDeadlines.Outcome deadline, String result) {
    }

    /** Each request received in [from, to), oldest first, handed over one at a time. */
    void forEachReceivedBetween(Instant from, Instant to, Instant now, Consumer<Request> each);
}
