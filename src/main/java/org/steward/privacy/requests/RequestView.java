package org.steward.privacy.requests;

import java.time.Instant;

/** A data-subject request as staff and auditors see it (DSR-3, AUD-2): ids, type, times, outcome; never the address.
 * {@code extendedTo} is the extended due date (DSR-3), null when the deadline was not extended. */
public record RequestView(long id, RequestType type, RequestStatus status, Instant receivedAt, Instant verifiedAt,
                          Instant dueAt, Instant extendedTo, String outcome, Instant closedAt, Boolean deadlineMet) {
}
