package org.steward.organisations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What staff enter for a member organisation (page and API alike). */
public record OrganisationForm(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 300) @Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http(s) address") String website) {
}
