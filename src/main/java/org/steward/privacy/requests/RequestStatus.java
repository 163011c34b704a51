package org.steward.privacy.requests;

/** Where a data-subject request stands (DSR-2, DSR-3). */
public enum RequestStatus {
    /** Received; the verification link is out. */
    AWAITING_VERIFICATION,
    /** Not verified within 7 days (DSR-2). */
    EXPIRED,
    /** Verified: the 30-day deadline runs (DSR-3). */
    IN_REVIEW,
    /** Approved and carried out. */
    COMPLETED,
    /** Refused, with a reason the requester received (DSR-4). */
    REFUSED;

    public boolean open() {
        return this == AWAITING_VERIFICATION || this == IN_REVIEW;
    }
}
