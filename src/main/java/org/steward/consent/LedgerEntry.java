package org.steward.consent;

import java.time.Instant;

/** One row of a member's consent ledger (CON-1): never changed once written. */
public record LedgerEntry(long id, String purpose, ConsentAction action, boolean granted, Instant expiresAt,
                          String policyVersion, Channel channel, String evidence, Instant recordedAt) {
}
