package org.steward.privacy.requests;

import java.time.Instant;

/**
 * DSR-3: when a request was verified, when it was due and, if a privacy officer extended it, the new
 * date; what the timers of DataSubjectRequestProcess read their dates from.
 */
public record RequestDeadline(Instant verifiedAt, Instant dueAt, Instant extendedTo) {

    /** The date the request is due by: the extended one, if extended. */
    public Instant effectiveDue() {
        return extendedTo != null ? extendedTo : dueAt;
    }
}
