package org.steward.members;

/**
 * Published, in the recording transaction, whenever a person's profile is stored or replaced (an application, a
 * member editing it, a rectification): a capability that keeps a copy of profile fields (matching's scoring inputs,
 * MAT-1) refreshes it on this event, so the copy never lags the profile. Only in memory: no event store keeps it.
 */
public record ProfileRecorded(long subjectId, Profile profile) {
}
