package org.steward.members;

/** Whom to write to about a member, for one mail: the member, their subject key, address and name. */
public record MemberContact(long memberId, long subjectId, String email, String name) {
}
