package org.steward.breach;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.steward.system.validation.FreeText;
import org.steward.system.validation.SingleLine;

/**
 * A security officer's report of a suspected incident (BRE-1): when it was discovered (which may be
 * earlier than now, within {@link BreachSettings#maxDiscoveryAge()}), what happened, which categories
 * of information, which organisations, and which members: listed, or every member of an organisation
 * (which must be one of the organisations). {@link IncidentRequestRules} checks what spans fields.
 */
public record IncidentRequest(
        @NotNull(message = "say when the incident was discovered")
        Instant discoveredAt,
        @NotBlank(message = "describe what happened")
        @Size(max = IncidentRequest.MAX_SUMMARY, message = "may be at most {max} characters")
        @FreeText String summary,
        @NotEmpty(message = "name at least one category of information involved")
        @Size(max = 20, message = "name at most {max} categories")
        List<@NotBlank(message = "a category may not be blank")
             @Size(max = 100, message = "a category may be at most {max} characters")
             @SingleLine String> dataCategories,
        @NotEmpty(message = "name at least one affected member organisation")
        @Size(max = 500, message = "name at most {max} organisations")
        List<@NotNull(message = "an organisation id may not be null") Long> organisationIds,
        @Size(max = 10000, message = "list at most {max} members; name their organisation under allMembersOfOrganisationIds instead")
        List<@NotNull(message = "a member id may not be null") Long> memberIds,
        @Size(max = 500, message = "name at most {max} organisations")
        List<@NotNull(message = "an organisation id may not be null") Long> allMembersOfOrganisationIds) {

    public static final int MAX_SUMMARY = 20000;
    /** The categories are kept as one line of at most this many characters (incident.data_categories). */
    public static final int MAX_CATEGORIES_LENGTH = 1000;

    public List<Long> memberIdsOrEmpty() {
        return memberIds == null ? List.of() : memberIds;
    }

    public List<Long> allMembersOfOrganisationIdsOrEmpty() {
        return allMembersOfOrganisationIds == null ? List.of() : allMembersOfOrganisationIds;
    }
}
