package org.steward.audit;

import java.time.Instant;
import java.util.List;

/**
 * Consent state by purpose as the auditors' report reads it (AUD-4, CON-1 to CON-3). The consent capability
 * implements it from its ledger, so the audit module does not depend on it. Counts only, never a member.
 */
public interface ConsentStates {

    /**
     * One purpose: consents given now ({@code currentGrants}, at {@code now}); in the period, rows granted,
     * renewed, withdrawn and expired (lapsed, or run out and not yet swept); {@code renewalsDue} the current
     * consents that run out within the period after now (each gets a renewal request, CON-3).
     */
    record PurposeState(String purpose, long currentGrants, long granted, long renewed, long withdrawn, long expired,
                        long renewalsDue) {
    }

    /** Every purpose in the register, in its order. */
    List<PurposeState> byPurpose(Instant from, Instant to, Instant now);
}
