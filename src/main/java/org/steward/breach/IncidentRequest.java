package org.steward.breach;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A security officer's report of a suspected incident (BRE-1): when it was discovered (which may be
 * earlier than now), what happened, which categories of information, which organisations, and which
 * members: listed, or every member of an organisation.
 */
public record IncidentRequest(
        @NotNull Instant discoveredAt,
        @NotBlank @Size(max = 20000) String summary,
        @NotEmpty List<@NotBlank @Size(max = 100) String> dataCategories,
        @NotEmpty List<@NotNull Long> organisationIds,
        List<@NotNull Long> memberIds,
        List<@NotNull Long> allMembersOfOrganisationIds) {

    public List<Long> memberIdsOrEmpty() {
        return memberIds == null ? List.of() : memberIds;
    }

    public List<Long> allMembersOfOrganisationIdsOrEmpty() {
        return allMembersOfOrganisationIds == null ? List.of() : allMembersOfOrganisationIds;
    }
}
