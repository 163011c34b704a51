package org.steward.members;

/**
 * Published, in the reactivating transaction, when a deactivated member comes back (DSR-6): what a capability
 * stopped on {@link MemberDeactivated} (matching proposing them as a mentor) may start again.
 */
public record MemberReactivated(long memberId) {
}
