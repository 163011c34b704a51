package org.steward.privacy.deactivation;

import java.time.Instant;

import org.steward.members.MemberStatus;

/**
 * Where a member stands with deactivation (DSR-6): the status, and while deactivated the date until which
 * their data is kept and they can reactivate.
 */
public record DeactivationStatus(long memberId, MemberStatus status, Instant retainUntil) {
}
