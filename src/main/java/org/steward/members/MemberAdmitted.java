package org.steward.members;

/**
 * Published, in the admitting transaction, when a person becomes a member (APP-6): a capability that keeps
 * something per member (matching's profile, MAT-1) creates it on this event instead of the admission knowing it.
 */
public record MemberAdmitted(long memberId, long subjectId) {
}
