package org.steward.privacy.processors;

import java.time.Instant;

/**
 * A third party that received personal data from us (DSR-7).
 *
 * @param contactEmail where erasure instructions go (the processor's address; it may name a person)
 * @param holds        what they hold, in our words ("newsletter recipients: address and name")
 */
public record Processor(long id, String name, String contactEmail, String holds, boolean active, Instant createdAt,
                        Instant updatedAt) {
}
