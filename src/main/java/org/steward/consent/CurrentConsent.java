package org.steward.consent;

import java.time.Instant;

/** A member's consent to one purpose now, derived from the ledger: given, and until when. */
public record CurrentConsent(boolean granted, Instant expiresAt) {

    static final CurrentConsent NOT_GIVEN = new CurrentConsent(false, null);
}
