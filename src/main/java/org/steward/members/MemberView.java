package org.steward.members;

import java.time.Instant;

/** A member as staff see them: status, who they are and their profile. */
public record MemberView(long id, MemberStatus status, long subjectId, String name, String email, Profile profile,
                         Long organisationId, boolean essentialCommunications, Instant joinedAt) {
}
