package org.steward.members;

/**
 * Published, in the deactivating transaction, when a member is deactivated (DSR-6): a capability that runs
 * processes about a member under a business key other than {@code member-<id>} ends them on this event.
 */
public record MemberDeactivated(long memberId) {
}
